package org.harl.core.train;

import java.util.function.Function;
import org.harl.core.data.EvalBatch;

/**
 * Scores the online encoder while it trains (the kNN monitor). Built above the training layer (evaluation code),
 * so that the loop depends only on this.
 */
public interface TrainingMonitor {

    /** Top-1 accuracy in [0, 1] of the frozen encoder's features (one row of floats per image). */
    double score(Function<EvalBatch, float[][]> encoder);

    /** The settings of the score for the console line, e.g. {@code k=20, T=0.07, chance 10.00 %}. */
    String describe();
}
