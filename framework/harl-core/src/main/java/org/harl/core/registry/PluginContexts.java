package org.harl.core.registry;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.harl.core.config.ComponentBinder;
import org.harl.core.config.ComponentSpec;
import org.harl.core.config.ExperimentConfig;
import org.harl.spi.ComponentKind;
import org.harl.spi.PluginContext;
import org.harl.spi.encoder.FrozenEncoder;

/** Makes the {@link PluginContext} handed to factories: for a run, or for a tool working outside a run. */
@Singleton
public final class PluginContexts {

    private final PluginRegistry registry;
    private final ComponentBinder binder;
    private final EncoderOpener encoders;

    @Inject
    public PluginContexts(PluginRegistry registry, ComponentBinder binder, EncoderOpener encoders) {
        this.registry = registry;
        this.binder = binder;
        this.encoders = encoders;
    }

    /** Contexts whose {@link PluginContext#openEncoder} is unsupported: for building a run's own components. */
    public PluginContexts(PluginRegistry registry, ComponentBinder binder) {
        this(registry, binder, runDirectory -> {
            throw new UnsupportedOperationException("these plugin contexts open no trained encoders (asked for "
                    + runDirectory + ")");
        });
    }

    /** The context of a run: the experiment's seed, its run directory, paths relative to its YAML file. */
    public PluginContext forExperiment(ExperimentConfig experiment, Optional<Path> runDirectory) {
        return new Context(experiment.seed(), runDirectory, experiment.source());
    }

    /** A context outside a run (mask generation, config checks): paths relative to {@code source}'s directory. */
    public PluginContext forTool(long seed, Path source) {
        return new Context(seed, Optional.empty(), source);
    }

    /** Builds a bound component in a context. */
    public <T> T create(ComponentSpec spec, PluginContext context, Class<T> type) {
        return registry.create(spec, context, type);
    }

    private final class Context implements PluginContext {
        private final long seed;
        private final Optional<Path> runDirectory;
        private final Path source;

        Context(long seed, Optional<Path> runDirectory, Path source) {
            this.seed = seed;
            this.runDirectory = runDirectory;
            this.source = source;
        }

        @Override
        public long seed() {
            return seed;
        }

        @Override
        public Optional<Path> runDirectory() {
            return runDirectory;
        }

        @Override
        public Path resolvePath(String path) {
            Path p = Path.of(path);
            if (p.isAbsolute() || source == null) {
                return p;
            }
            Path dir = source.toAbsolutePath().getParent();
            return dir == null ? p : dir.resolve(p).normalize();
        }

        @Override
        public Object createComponent(ComponentKind kind, Map<String, Object> spec) {
            return registry.create(binder.bind(kind, spec, source), this, Object.class);
        }

        @Override
        public FrozenEncoder openEncoder(Path runDirectory) {
            return encoders.open(runDirectory);
        }
    }
}
