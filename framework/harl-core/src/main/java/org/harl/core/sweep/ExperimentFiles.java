package org.harl.core.sweep;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.List;
import org.harl.core.config.ConfigErrors;
import org.harl.core.config.ConfigException;
import org.harl.core.config.ConfigNode.MapNode;
import org.harl.core.config.ExperimentConfig;
import org.harl.core.config.ExperimentLoader;

/**
 * Every experiment a YAML file describes: one for an experiment file; for an ablation (a file with a top-level
 * {@code sweep:} section) the experiments of its sweep. Used by {@code harl config check} and the test that
 * validates every file under {@code experiments/} and {@code ablations/}.
 */
@Singleton
public class ExperimentFiles {

    public static final String SWEEP = "sweep";

    private final ExperimentLoader loader;

    @Inject
    public ExperimentFiles(ExperimentLoader loader) {
        this.loader = loader;
    }

    /** Whether a resolved tree is an ablation. */
    public static boolean isAblation(MapNode tree) {
        return tree.has(SWEEP);
    }

    /** Loads and binds everything {@code file} describes; throws a {@link ConfigException} with every error. */
    public List<ExperimentConfig> expand(Path file, List<String> overrides) {
        ConfigErrors errors = new ConfigErrors();
        MapNode tree = loader.loadTree(file, overrides, errors);
        if (tree != null && isAblation(tree)) {
            if (errors.isEmpty()) {
                return expandAblation(tree, file);
            }
            tree = tree.without(SWEEP); // still report the binding errors of the described experiment
        }
        return List.of(loader.bindAfter(tree, file, errors));
    }

    /** The experiments of an ablation (its tree has no errors so far): every run of its sweep, expanded and bound. */
    protected List<ExperimentConfig> expandAblation(MapNode tree, Path file) {
        return new SweepPlanner(loader).plan(tree, file).stream().map(PlannedRun::config).toList();
    }
}
