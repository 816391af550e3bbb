package org.harl.spi;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.harl.spi.encoder.FrozenEncoder;

/** What the core hands a factory when it builds a component. */
public interface PluginContext {

    /** The experiment's seed (components derive their own random streams from it). */
    long seed();

    /** The run directory when the component is built for a run; empty for tools and config checks. */
    Optional<Path> runDirectory();

    /** Resolves a path from a config value: absolute as is, relative against the directory of the YAML file. */
    Path resolvePath(String path);

    /**
     * Builds another registered component from a YAML-shaped map {@code {type: name, key: value...}}, e.g. the
     * target proposer a saliency head trains against.
     */
    Object createComponent(ComponentKind kind, Map<String, Object> spec);

    /**
     * Opens the frozen encoder of the trained run in {@code runDirectory} (its {@code config.yaml} and latest
     * checkpoint), e.g. for a mask proposer on learned features. The caller closes it.
     *
     * @throws IllegalArgumentException naming the directory when it holds no loadable run
     * @throws UnsupportedOperationException in contexts that cannot load runs (the default, e.g. unit tests)
     */
    default FrozenEncoder openEncoder(Path runDirectory) {
        throw new UnsupportedOperationException("this plugin context cannot open trained encoders (asked for "
                + runDirectory + ")");
    }
}
