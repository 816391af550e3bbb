package org.harl.plugins.deepmasks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Fits a {@link SaliencyHead} to cached features by full-batch Adam on the {@link BalancedBce} loss. The encoder
 * is frozen, so its features are computed once and each step is two matrix products; starting from zero weights
 * and using the whole set every step makes the result deterministic.
 */
public final class SaliencyHeadTrainer {

    private final int steps;
    private final float learningRate;

    public SaliencyHeadTrainer(int steps, float learningRate) {
        if (steps < 1 || !(learningRate > 0)) {
            throw new IllegalArgumentException("steps must be >= 1 and learning rate > 0, got " + steps + ", "
                    + learningRate);
        }
        this.steps = steps;
        this.learningRate = learningRate;
    }

    /** The fitted head and the loss before each step. */
    public record Result(SaliencyHead head, List<Float> losses) {
        public float finalLoss() {
            return losses.get(losses.size() - 1);
        }
    }

    /**
     * @param features (M, C): one row per feature cell
     * @param targets  (M): the area-averaged target mask of each cell, in [0, 1]
     * @param progress called with each finished step (for progress bars); may be null
     */
    public Result fit(NDArray features, NDArray targets, IntConsumer progress) {
        int channels = (int) features.getShape().get(1);
        if (features.getShape().dimension() != 2 || targets.getShape().size() != features.getShape().get(0)) {
            throw new IllegalArgumentException("features must be (M, C) and targets (M); got "
                    + features.getShape() + " and " + targets.getShape());
        }
        float beta1 = 0.9f;
        float beta2 = 0.999f;
        float eps = 1e-8f;
        List<Float> losses = new ArrayList<>(steps);
        try (NDManager m = features.getManager().newSubManager()) {
            NDArray w = m.zeros(new Shape(channels, 1));
            NDArray mom = m.zeros(new Shape(channels, 1));
            NDArray vel = m.zeros(new Shape(channels, 1));
            NDArray y = targets.reshape(-1, 1);
            NDArray xt = features.transpose();
            y.attach(m); // views of the caller's arrays, released with this sub-manager
            xt.attach(m);
            for (int t = 1; t <= steps; t++) {
                try (NDScope scope = new NDScope()) { // closes this step's temporaries, keeps w and Adam state
                    NDArray z = features.matMul(w);
                    losses.add(BalancedBce.loss(z, y).getFloat());
                    NDArray grad = xt.matMul(BalancedBce.gradient(z, y));
                    mom.muli(beta1).addi(grad.mul(1 - beta1));
                    vel.muli(beta2).addi(grad.square().mul(1 - beta2));
                    float stepSize = (float) (learningRate * Math.sqrt(1 - Math.pow(beta2, t))
                            / (1 - Math.pow(beta1, t)));
                    w.subi(mom.div(vel.sqrt().add(eps)).mul(stepSize));
                }
                if (progress != null) {
                    progress.accept(t);
                }
            }
            return new Result(new SaliencyHead(w.toFloatArray()), losses);
        }
    }
}
