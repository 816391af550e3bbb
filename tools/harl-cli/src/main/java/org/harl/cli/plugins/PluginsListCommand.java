package org.harl.cli.plugins;

import jakarta.inject.Inject;
import java.util.stream.Collectors;
import org.harl.cli.TextTable;
import org.harl.core.config.RecordSchema;
import org.harl.core.registry.PluginRegistry;
import org.harl.spi.ComponentFactory;
import org.harl.spi.ComponentKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code harl plugins list}: every registered component with its config keys and defaults. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List every registered component: kind, name, plugin, config keys with defaults.")
public final class PluginsListCommand implements Runnable {

    private final PluginRegistry registry;

    @Spec
    CommandSpec spec;

    @Inject
    public PluginsListCommand(PluginRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void run() {
        TextTable table = new TextTable("KIND", "NAME", "PLUGIN", "CONFIG");
        for (ComponentKind kind : ComponentKind.values()) {
            for (ComponentFactory<?, ?> f : registry.factories(kind)) {
                String config = RecordSchema.keys(f.configType(), f.defaults()).stream()
                        .map(k -> k.key() + "=" + ConfigValues.defaultOf(k)).collect(Collectors.joining(", "));
                table.row(kind.key(), f.name(), registry.ownerOf(f).name(), config);
            }
        }
        table.print(spec.commandLine().getOut());
    }
}
