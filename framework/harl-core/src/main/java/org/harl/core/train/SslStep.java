package org.harl.core.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.harl.core.data.PairBatch;
import org.harl.spi.loss.PooledBranch;
import org.harl.spi.loss.SslLoss;
import org.harl.spi.nd.GraphScalars;

/**
 * Forward and backward of one batch: both views through the EMA target (no graph) and the online network, every
 * branch of the loss projected (and predicted online), the BYOL regression 2 - 2 cos(p, sg(z)) summed over both
 * directions and weighted by the loss's schedule. Gradients accumulate in the online parameters; the caller updates.
 */
final class SslStep {

    private final SslNetworks nets;
    private final SslLoss loss;
    private final StagingBuffers staging = new StagingBuffers(4);
    private final StepListener listener;

    /** @param listener its {@link StepListener#beforeBackward} runs between forward and backward */
    SslStep(SslNetworks nets, SslLoss loss, StepListener listener) {
        this.nets = nets;
        this.loss = loss;
        this.listener = listener;
    }

    /**
     * @param scale    multiplies the loss before backward (1 / accumulation)
     * @param progress training progress in [0, 1] for the branch weights
     */
    StepResult run(PairBatch batch, double progress, double scale) {
        Map<String, Double> weights = loss.weights(progress);
        List<String> names = loss.branches();
        try (NDManager sm = nets.manager().newSubManager()) {
            Shape shape = new Shape(batch.size(), 3, batch.side(), batch.side());
            NDArray x1 = staging.stage(sm, 0, batch.view1(), shape);
            NDArray x2 = staging.stage(sm, 1, batch.view2(), shape);
            NDArray g1 = null;
            NDArray g2 = null;
            if (loss.needsMasks()) {
                if (batch.mask1() == null || batch.mask2() == null) {
                    throw new IllegalStateException("the loss pools with masks but batch " + batch.epoch() + "/"
                            + batch.step() + " has none: set a mask_proposer in the experiment");
                }
                int grid = nets.backbone().featureSize(batch.side());
                Shape maskShape = new Shape(batch.size(), 1, batch.side(), batch.side());
                g1 = gridMask(staging.stage(sm, 2, batch.mask1(), maskShape), grid);
                g2 = gridMask(staging.stage(sm, 3, batch.mask2(), maskShape), grid);
            }
            List<PooledBranch> t1 = loss.pool(nets.c5(x1, true, true), g1);
            List<PooledBranch> t2 = loss.pool(nets.c5(x2, true, true), g2);
            List<NDArray> z1 = new ArrayList<>();
            List<NDArray> z2 = new ArrayList<>();
            for (int b = 0; b < names.size(); b++) {
                z1.add(nets.project(t1.get(b).features(), true));
                z2.add(nets.project(t2.get(b).features(), true));
            }
            NDArray total;
            NDArray terms;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                List<PooledBranch> o1 = loss.pool(nets.c5(x1, false, true), g1);
                List<PooledBranch> o2 = loss.pool(nets.c5(x2, false, true), g2);
                List<NDArray> perBranch = new ArrayList<>();
                total = null;
                for (int b = 0; b < names.size(); b++) {
                    NDArray p1 = nets.predict(nets.project(o1.get(b).features(), false));
                    NDArray p2 = nets.predict(nets.project(o2.get(b).features(), false));
                    // a pair counts only when both views' masks are non-empty
                    NDArray valid = o1.get(b).valid().mul(o2.get(b).valid());
                    NDArray term = regression(p1, z2.get(b), valid).add(regression(p2, z1.get(b), valid));
                    perBranch.add(term);
                    NDArray weighted = GraphScalars.mul(term, weights.getOrDefault(names.get(b), 0.0));
                    total = total == null ? weighted : total.add(weighted);
                }
                listener.beforeBackward();
                gc.backward(GraphScalars.mul(total, scale));
                terms = NDArrays.stack(new ai.djl.ndarray.NDList(perBranch));
            }
            float[] values = terms.toFloatArray(); // the step's one host sync
            float totalValue = total.getFloat();
            Map<String, Double> termMap = new LinkedHashMap<>();
            Map<String, Long> empty = new LinkedHashMap<>();
            for (int b = 0; b < names.size(); b++) {
                termMap.put(names.get(b), (double) values[b]);
                if (loss.needsMasks() && !t1.get(b).name().equals("img")) {
                    empty.put(names.get(b), countZeros(t1.get(b).valid()) + countZeros(t2.get(b).valid()));
                }
            }
            return new StepResult(totalValue, termMap, empty);
        }
    }

    /** Area-averages (N, 1, S, S) masks to the (N, 1, h, h) feature grid. */
    static NDArray gridMask(NDArray mask, int grid) {
        long side = mask.getShape().get(2);
        if (side % grid != 0) {
            throw new IllegalArgumentException("view side " + side + " is not a multiple of the feature grid " + grid
                    + ": masks cannot be area-averaged onto it; choose an augmentation output size that is");
        }
        if (side == grid) {
            return mask;
        }
        int k = (int) (side / grid);
        return Pool.avgPool2d(mask, new Shape(k, k), new Shape(k, k), new Shape(0, 0), false, true);
    }

    /** 2 - 2 * mean over valid samples of cos(p, z); z carries no graph (target computed without a collector). */
    static NDArray regression(NDArray p, NDArray z, NDArray valid) {
        NDArray pn = p.div(safeNorm(p));
        NDArray zn = z.div(safeNorm(z));
        NDArray cos = pn.mul(zn).sum(new int[] {1});
        NDArray mean = cos.mul(valid).sum().div(valid.sum().maximum(1f));
        return GraphScalars.affine(mean, -2, 2);
    }

    /**
     * Row norms sqrt(sum x^2 + 1e-24). Why not max(sqrt(sum x^2), 1e-12): sqrt's gradient is infinite at 0, and
     * 0 * inf = NaN reached the weights whenever a whole batch pooled to zero vectors (e.g. the background branch
     * with {@code full_image} masks, where every background is empty).
     */
    static NDArray safeNorm(NDArray x) {
        return GraphScalars.add(x.square().sum(new int[] {1}, true), 1e-24).sqrt();
    }

    private static long countZeros(NDArray valid) {
        float[] v = valid.toFloatArray();
        long n = 0;
        for (float x : v) {
            if (x == 0) {
                n++;
            }
        }
        return n;
    }
}
