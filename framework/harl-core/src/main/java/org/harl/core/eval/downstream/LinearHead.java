package org.harl.core.eval.downstream;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Map;
import java.util.Set;
import org.harl.core.train.optim.AdamW;
import org.harl.spi.nd.GraphScalars;

/**
 * A zero-initialised linear map {@code x W + b} over the last axis with its own Adam optimizer: the light heads of
 * the downstream evaluations. Zero initialisation makes the fit deterministic (the objective is convex for a frozen
 * input).
 */
final class LinearHead implements AutoCloseable {

    private final NDManager manager;
    private final NDArray w;
    private final NDArray b;
    private final AdamW optimizer;

    LinearHead(NDManager parent, int in, int out, float lr) {
        manager = parent.newSubManager();
        w = manager.zeros(new Shape(in, out), DataType.FLOAT32);
        b = manager.zeros(new Shape(out), DataType.FLOAT32);
        w.setRequiresGradient(true);
        b.setRequiresGradient(true);
        optimizer = new AdamW(0f, Set.of("b"));
        optimizer.setLearningRate(lr);
    }

    /** (..., in) to (..., out). */
    NDArray forward(NDArray x) {
        return x.matMul(w).add(b);
    }

    /** The parameters by name (for an optimizer shared with a backbone). */
    Map<String, NDArray> parameters() {
        return Map.of("head/w", w, "head/b", b);
    }

    /** One Adam step on the accumulated gradients (zeroed afterwards). */
    void step() {
        for (Map.Entry<String, NDArray> e : Map.of("w", w, "b", b).entrySet()) {
            try (NDArray grad = e.getValue().getGradient()) {
                optimizer.update(e.getKey(), e.getValue(), grad);
            }
        }
        optimizer.endStep();
    }

    /** Mean cross-entropy of logits (M, K) against class indices (M); constants go through GraphScalars. */
    static NDArray crossEntropy(NDArray logits, int[] labels) {
        int k = (int) logits.getShape().get(logits.getShape().dimension() - 1);
        NDArray onehot = logits.getManager().create(labels).oneHot(k);
        NDArray picked = logits.logSoftmax(-1).mul(onehot).sum();
        return GraphScalars.mul(picked, -1.0 / labels.length);
    }

    @Override
    public void close() {
        manager.close();
    }
}
