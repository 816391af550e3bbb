package org.harl.core.sweep;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Evaluates a finished run (linear probe and kNN) and returns the summary keys to add. */
@FunctionalInterface
public interface RunEvaluator {

    Map<String, Object> evaluate(Path runDir) throws Exception;

    /** Runs the named evaluations ({@link SweepEvaluations}); by default {@link #evaluate(Path)}. */
    default Map<String, Object> evaluate(Path runDir, List<String> evaluations) throws Exception {
        return evaluate(runDir);
    }

    /** No evaluation (dry runs, tests). */
    RunEvaluator NONE = runDir -> Map.of();
}
