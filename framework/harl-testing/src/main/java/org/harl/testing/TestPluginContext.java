package org.harl.testing;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import org.harl.spi.ComponentKind;
import org.harl.spi.PluginContext;

/**
 * A {@link PluginContext} for unit tests of a single plugin: a fixed seed, relative paths resolved against a base
 * folder, and (optionally) a function that builds the other components a factory asks for.
 */
public final class TestPluginContext implements PluginContext {

    private final long seed;
    private final Path baseDir;
    private final Path runDir;
    private final BiFunction<ComponentKind, Map<String, Object>, Object> components;

    public TestPluginContext(long seed, Path baseDir, Path runDir,
            BiFunction<ComponentKind, Map<String, Object>, Object> components) {
        this.seed = seed;
        this.baseDir = Objects.requireNonNull(baseDir, "baseDir").toAbsolutePath();
        this.runDir = runDir;
        this.components = components;
    }

    /** Seed {@code seed}, paths relative to the working directory, no run directory, no nested components. */
    public static TestPluginContext withSeed(long seed) {
        return new TestPluginContext(seed, Paths.get(""), null, null);
    }

    @Override
    public long seed() {
        return seed;
    }

    @Override
    public Optional<Path> runDirectory() {
        return Optional.ofNullable(runDir);
    }

    @Override
    public Path resolvePath(String path) {
        Path p = Paths.get(path);
        return p.isAbsolute() ? p : baseDir.resolve(p).normalize();
    }

    @Override
    public Object createComponent(ComponentKind kind, Map<String, Object> spec) {
        if (components == null) {
            throw new UnsupportedOperationException("this TestPluginContext builds no nested components (asked for "
                    + kind.key() + " " + spec + "); pass a component function to its constructor");
        }
        return components.apply(kind, spec);
    }
}
