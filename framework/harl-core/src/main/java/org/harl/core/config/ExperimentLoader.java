package org.harl.core.config;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.harl.core.config.ConfigNode.MapNode;
import org.harl.core.config.ConfigNode.ScalarNode;

/**
 * Loads experiment YAML files: reads them safely, resolves {@code base:} chains (paths relative to the file that
 * names them; see {@link TreeOps} for the merge rules), applies {@code --set} overrides and binds the result.
 */
@Singleton
public final class ExperimentLoader {

    private static final String BASE = "base";

    private final ExperimentBinder binder;

    @Inject
    public ExperimentLoader(ExperimentBinder binder) {
        this.binder = binder;
    }

    /**
     * Loads, resolves and binds an experiment file; throws a {@link ConfigException} listing every error (syntax,
     * base, override and binding errors together, as far as the file could be read).
     */
    public ExperimentConfig load(Path file, List<String> overrides) {
        ConfigErrors errors = new ConfigErrors();
        MapNode tree = loadTree(file, overrides, errors);
        return bindAfter(tree, file, errors);
    }

    /**
     * The file's tree with its bases merged and the overrides applied, {@code base:} removed, positions kept; the
     * starting point for sweeps. Throws a {@link ConfigException} on syntax, base or override errors.
     */
    public MapNode loadTree(Path file, List<String> overrides) {
        ConfigErrors errors = new ConfigErrors();
        MapNode tree = loadTree(file, overrides, errors);
        errors.throwIfAny();
        return tree;
    }

    /**
     * Like {@link #loadTree(Path, List)} but collects errors: returns the tree as far as it could be read (null if
     * not at all), so that binding errors can be reported together with recoverable ones (duplicate keys, tags).
     */
    public MapNode loadTree(Path file, List<String> overrides, ConfigErrors errors) {
        MapNode tree = resolve(file, file.toString(), new ArrayList<>(), errors);
        if (tree == null) {
            return null;
        }
        try {
            return TreeOps.applyOverrides(tree, overrides);
        } catch (ConfigException e) {
            errors.addAll(e);
            return null;
        }
    }

    /** Binds {@code tree} (null = unreadable) and throws every error in {@code earlier} plus the binding errors. */
    public ExperimentConfig bindAfter(MapNode tree, Path file, ConfigErrors earlier) {
        if (tree != null) {
            ExperimentConfig config = null;
            try {
                config = bind(tree, file);
            } catch (ConfigException e) {
                earlier.addAll(e);
            }
            if (earlier.isEmpty()) {
                return config;
            }
        }
        earlier.throwIfAny();
        throw new IllegalStateException("no tree and no error for " + file);
    }

    /** Binds a resolved tree; {@code source} is the file relative paths resolve against. */
    public ExperimentConfig bind(MapNode tree, Path source) {
        return binder.bind(tree, source);
    }

    /** Binds a tree built in memory (e.g. one point of a sweep); errors name {@code source}. */
    public ExperimentConfig bind(Map<String, Object> tree, Path source) {
        return bind((MapNode) ConfigNode.fromPlain(tree, Origin.of(String.valueOf(source))), source);
    }

    private MapNode resolve(Path file, String display, List<Path> chain, ConfigErrors errors) {
        Path key = file.toAbsolutePath().normalize();
        if (chain.contains(key)) {
            errors.add(Origin.of(display), BASE, "base: cycle " + chain.stream().map(Path::toString).toList()
                    + " -> " + key);
            return null;
        }
        MapNode tree = YamlReader.readFile(file, display, errors);
        if (tree == null) {
            return null;
        }
        ConfigNode baseNode = tree.get(BASE);
        if (baseNode == null) {
            return tree;
        }
        tree = tree.without(BASE);
        if (!(baseNode instanceof ScalarNode s) || !(s.value() instanceof String basePath) || basePath.isBlank()) {
            errors.add(baseNode.origin(), BASE, "expected the path of a base experiment file (relative to this file)");
            return null;
        }
        Path parent = file.getParent() == null ? Path.of("") : file.getParent();
        Path baseFile = parent.resolve(basePath).normalize();
        if (!Files.isRegularFile(baseFile)) {
            errors.add(baseNode.origin(), BASE, "base file " + baseFile + " not found");
            return null;
        }
        chain.add(key);
        MapNode base = resolve(baseFile, baseFile.toString(), chain, errors);
        chain.remove(chain.size() - 1);
        if (base == null) {
            return null;
        }
        return (MapNode) TreeOps.merge(base, tree);
    }
}
