package org.harl.core.sweep;

import java.util.List;
import org.harl.core.config.ConfigNode.MapNode;

/**
 * One run of a sweep before binding.
 *
 * @param sweep   the sweep name
 * @param setting the setting name ({@code variant,key=value,...}; {@code base} when nothing is swept)
 * @param seed    the seed
 * @param tree    the experiment tree with the setting's overrides, {@code seed} and {@code name} applied
 * @param evaluations what the sweep runs after the run ({@link SweepEvaluations})
 */
public record ExpandedRun(String sweep, String setting, long seed, MapNode tree, List<String> evaluations) {

    public ExpandedRun {
        evaluations = List.copyOf(evaluations);
    }

    /** A run with the default evaluations. */
    public ExpandedRun(String sweep, String setting, long seed, MapNode tree) {
        this(sweep, setting, seed, tree, SweepEvaluations.DEFAULT);
    }

    /** {@code <sweep>/<setting>/seed<n>}: the run name and its directory below the sweeps root. */
    public String name() {
        return sweep + "/" + setting + "/seed" + seed;
    }
}
