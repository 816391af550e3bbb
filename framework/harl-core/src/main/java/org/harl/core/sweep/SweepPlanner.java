package org.harl.core.sweep;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.harl.core.config.ConfigError;
import org.harl.core.config.ConfigErrors;
import org.harl.core.config.ConfigException;
import org.harl.core.config.ConfigNode.MapNode;
import org.harl.core.config.ExperimentConfig;
import org.harl.core.config.ExperimentLoader;

/**
 * Turns an ablation file into its planned runs: loads it (with {@code base:} and {@code --set} overrides), expands
 * the sweep and binds every run, so that a sweep never starts with an invalid run. Throws a {@link ConfigException}
 * listing every error of every run.
 */
@Singleton
public final class SweepPlanner {

    private final ExperimentLoader loader;

    @Inject
    public SweepPlanner(ExperimentLoader loader) {
        this.loader = loader;
    }

    /** The sweep name of an ablation file: its file name without the extension. */
    public static String sweepName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    public List<PlannedRun> plan(Path file, List<String> overrides) {
        return plan(loader.loadTree(file, overrides), file);
    }

    /**
     * A sweep's runs and its sweep-level settings.
     *
     * @param baseline the setting results.md pairs the others with, or null
     * @param record   the record folder ({@link RunRecords}), resolved against the ablation file's folder, or null
     */
    public record Sweep(List<PlannedRun> runs, String baseline, Path record) {
        public Sweep {
            runs = List.copyOf(runs);
        }
    }

    /** {@link #plan(Path, List)} with the sweep's baseline and record folder. */
    public Sweep planSweep(Path file, List<String> overrides) {
        MapNode tree = loader.loadTree(file, overrides);
        List<PlannedRun> runs = plan(tree, file);
        var node = tree.get(ExperimentFiles.SWEEP);
        SweepSpec spec = node == null ? new SweepSpec(List.of(), List.of(), Map.of(), List.of())
                : SweepSpec.parse(node, new ConfigErrors()); // its errors were thrown by plan()
        Path folder = file.toAbsolutePath().getParent();
        return new Sweep(runs, spec.baseline(), spec.record() == null ? null
                : folder.resolve(spec.record()).normalize());
    }

    /** Expands and binds a loaded tree (its {@code sweep:} section included). */
    public List<PlannedRun> plan(MapNode tree, Path file) {
        List<ExpandedRun> runs = SweepExpander.expand(sweepName(file), tree);
        List<PlannedRun> planned = new ArrayList<>();
        // the same mistake usually repeats in many runs: report each error once, naming the settings it occurs in
        // unless it occurs in all of them
        Map<ConfigError, Set<String>> settingsOf = new LinkedHashMap<>();
        Set<String> allSettings = new LinkedHashSet<>();
        for (ExpandedRun run : runs) {
            allSettings.add(run.setting());
            try {
                planned.add(new PlannedRun(run, loader.bind(run.tree(), file)));
            } catch (ConfigException e) {
                e.errors().forEach(err -> settingsOf.computeIfAbsent(err, k -> new LinkedHashSet<>())
                        .add(run.setting()));
            }
        }
        ConfigErrors errors = new ConfigErrors();
        settingsOf.forEach((err, settings) -> errors.add(err.origin(), err.path(), settings.size()
                == allSettings.size() ? err.message() : err.message() + " (in " + String.join("; ", settings) + ")"));
        errors.throwIfAny();
        return planned;
    }
}
