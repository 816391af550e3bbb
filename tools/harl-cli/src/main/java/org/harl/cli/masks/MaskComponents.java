package org.harl.cli.masks;

import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.List;
import org.harl.core.config.ComponentBinder;
import org.harl.core.config.ComponentSpec;
import org.harl.core.registry.PluginContexts;
import org.harl.spi.ComponentKind;
import org.harl.spi.data.DatasetSource;
import org.harl.spi.mask.MaskProposer;

/**
 * Builds the proposers and datasets the mask tools name on the command line ({@code --proposer drfi --set k=v}),
 * through the core's binder: the same validation and error messages as a YAML experiment. Relative paths in values
 * resolve against the working directory.
 */
final class MaskComponents {

    private final ComponentBinder binder;
    private final PluginContexts contexts;

    @Inject
    MaskComponents(ComponentBinder binder, PluginContexts contexts) {
        this.binder = binder;
        this.contexts = contexts;
    }

    ComponentSpec bind(ComponentKind kind, String name, List<String> settings) {
        return binder.bind(kind, name, settings);
    }

    <T> T create(ComponentSpec spec, long seed, Class<T> type) {
        Path source = Path.of("").toAbsolutePath().resolve("command-line");
        return contexts.create(spec, contexts.forTool(seed, source), type);
    }

    MaskProposer proposer(String name, List<String> settings, long seed) {
        return create(bind(ComponentKind.MASK_PROPOSER, name, settings), seed, MaskProposer.class);
    }

    DatasetSource dataset(String name, List<String> settings, long seed) {
        return create(bind(ComponentKind.DATASET, name, settings), seed, DatasetSource.class);
    }
}
