package org.harl.plugins.deepmasks;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;

/**
 * Class-balanced binary cross-entropy on logits (HED weighting, as in MaskContrast's saliency loss): with soft
 * targets y, N+ = Σy and N− = Σ(1−y), positives weigh w = N−/(N+ + N−) and negatives 1 − w, so the rarer class
 * counts as much as the common one. Averaged over all elements.
 */
public final class BalancedBce {

    private BalancedBce() {
    }

    /** w = N−/N of the targets. */
    public static float positiveWeight(NDArray targets) {
        float n = targets.size();
        return n == 0 ? 0.5f : (n - targets.sum().getFloat()) / n;
    }

    /** The scalar loss −mean[w·y·log σ(z) + (1−w)(1−y)·log(1−σ(z))], computed stably via softplus. */
    public static NDArray loss(NDArray logits, NDArray targets) {
        float w = positiveWeight(targets);
        NDArray negLogP = Activation.softPlus(logits.neg());     // −log σ(z)
        NDArray negLogQ = Activation.softPlus(logits);           // −log(1 − σ(z))
        NDArray perElement = targets.mul(negLogP).mul(w).add(targets.neg().add(1).mul(negLogQ).mul(1 - w));
        return perElement.mean();
    }

    /** dLoss/dz = [(1−w)(1−y)σ(z) − w·y(1−σ(z))] / M, the same shape as the logits. */
    public static NDArray gradient(NDArray logits, NDArray targets) {
        float w = positiveWeight(targets);
        NDArray p = Activation.sigmoid(logits);
        NDArray g = targets.neg().add(1).mul(p).mul(1 - w).sub(targets.mul(p.neg().add(1)).mul(w));
        return g.div(logits.size());
    }
}
