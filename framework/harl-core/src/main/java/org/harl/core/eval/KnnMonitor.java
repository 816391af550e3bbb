package org.harl.core.eval;

import java.util.function.Function;
import org.harl.core.data.EvalBatch;
import org.harl.core.train.TrainingMonitor;

/**
 * The kNN monitor of a training run: weighted kNN top-1 of labelled test images against a memory bank of labelled
 * training images, both in the deterministic evaluation view.
 *
 * @param bank        labelled training images (re-iterable: the monitor runs several times)
 * @param test        scored test images
 * @param classes     number of classes
 * @param k           neighbours
 * @param temperature vote temperature
 */
public record KnnMonitor(Iterable<EvalBatch> bank, Iterable<EvalBatch> test, int classes, int k, double temperature)
        implements TrainingMonitor {

    @Override
    public double score(Function<EvalBatch, float[][]> encoder) {
        return KnnFeatures.accuracy(KnnFeatures.collect(bank, encoder), KnnFeatures.collect(test, encoder), classes,
                k, temperature);
    }

    @Override
    public String describe() {
        return String.format("k=%d, T=%s, chance %.2f %%", k, temperature, 100.0 / classes);
    }
}
