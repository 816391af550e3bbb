package org.harl.cli.plugins;

import jakarta.inject.Inject;
import java.io.PrintWriter;
import org.harl.cli.TextTable;
import org.harl.core.config.RecordSchema;
import org.harl.core.registry.PluginRegistry;
import org.harl.spi.ComponentFactory;
import org.harl.spi.ComponentKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code harl plugins describe KIND NAME}: one component's config keys, types, defaults and docs. */
@Command(name = "describe", mixinStandardHelpOptions = true,
        description = "Show one component's config keys with their types, defaults and descriptions.")
public final class PluginsDescribeCommand implements Runnable {

    private final PluginRegistry registry;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "KIND",
            description = "backbone, augmentation, mask_proposer, loss, dataset or tracker")
    String kind;

    @Parameters(index = "1", paramLabel = "NAME", description = "the registered name, as in 'harl plugins list'")
    String name;

    @Inject
    public PluginsDescribeCommand(PluginRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void run() {
        ComponentKind k = ComponentKind.fromKey(kind);
        ComponentFactory<?, ?> f = registry.factory(k, name);
        PrintWriter out = spec.commandLine().getOut();
        out.println(k.key() + " " + f.name() + (f.description().isEmpty() ? "" : ": " + f.description()));
        out.println("plugin: " + registry.ownerOf(f).name() + " (" + registry.ownerOf(f).getClass().getName() + ")");
        out.println("config: " + f.configType().getName());
        out.println();
        TextTable table = new TextTable("KEY", "TYPE", "DEFAULT", "DESCRIPTION");
        for (RecordSchema.Key key : RecordSchema.keys(f.configType(), f.defaults())) {
            table.row(key.key(), key.type(), ConfigValues.defaultOf(key), key.doc());
        }
        table.print(out);
    }
}
