package org.harl.core.train;

import java.util.Arrays;
import java.util.Set;
import java.util.SplittableRandom;
import org.harl.core.config.HeadsConfig;
import org.harl.core.data.PairBatch;
import org.harl.core.train.optim.MomentumSgd;
import org.harl.spi.backbone.Backbone;
import org.harl.spi.loss.SslLoss;

/**
 * Times full pretraining steps on random inputs (no data loading), as the PyTorch reference
 * {@code tools/reference/pytorch_ssl_step.py} does: both views through target and online networks, every branch, both
 * loss directions, backward, SGD (momentum 0.9, lr 0.05, wd 1e-6) and the EMA update (tau 0.99).
 */
public final class TrainStepBenchmark {

    /** Median seconds per step and the resulting images (pairs of views) per second. */
    public record Result(double medianStepSeconds, double imagesPerSecond, int steps) {
    }

    private TrainStepBenchmark() {
    }

    /**
     * @param warmup steps run before timing (native warm-up)
     */
    public static Result run(Backbone backbone, SslLoss loss, HeadsConfig heads, int side, int batch, int warmup,
                             int steps, long seed) {
        return run(backbone, loss, heads, side, batch, warmup, steps, seed, StepListener.NONE);
    }

    /**
     * As {@link #run(Backbone, SslLoss, HeadsConfig, int, int, int, int, long)}, reporting each step (warm-up
     * included, 0-based) to {@code listener}, e.g. to sample memory.
     */
    public static Result run(Backbone backbone, SslLoss loss, HeadsConfig heads, int side, int batch, int warmup,
                             int steps, long seed, StepListener listener) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = batch * 3 * side * side;
        float[] v1 = gaussian(r, n);
        float[] v2 = gaussian(r, n);
        float[] m1 = binary(r, batch * side * side);
        float[] m2 = binary(r, batch * side * side);
        PairBatch pb = new PairBatch(batch, side, v1, v2, m1, m2, new int[batch], 0, 0);
        try (SslNetworks nets = new SslNetworks(backbone, heads, side, seed)) {
            OptimizerUpdate update = new OptimizerUpdate(nets, new MomentumSgd(0.9f, 1e-6f, Set.of()));
            SslStep step = new SslStep(nets, loss, listener);
            double[] times = new double[steps];
            for (int i = 0; i < warmup + steps; i++) {
                long t0 = System.nanoTime();
                StepResult result = step.run(pb, 0.5, 1.0);
                update.apply(0.05, 0.99);
                listener.onStepEnd(i, result, nets);
                if (i >= warmup) {
                    times[i - warmup] = (System.nanoTime() - t0) / 1e9;
                }
            }
            Arrays.sort(times);
            double median = times[steps / 2];
            return new Result(median, batch / median, steps);
        }
    }

    private static float[] gaussian(SplittableRandom r, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) r.nextGaussian();
        }
        return a;
    }

    private static float[] binary(SplittableRandom r, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = r.nextBoolean() ? 1 : 0;
        }
        return a;
    }
}
