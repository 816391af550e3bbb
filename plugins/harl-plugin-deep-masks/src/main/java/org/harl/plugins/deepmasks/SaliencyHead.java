package org.harl.plugins.deepmasks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.harl.spi.data.Mask;

/**
 * MaskContrast's saliency head: a bias-free 1x1 convolution from the C5 map to one logit per cell
 * ({@code Conv2d(C, 1, 1, bias=False)}), i.e. a per-cell logistic regression on the frozen features.
 */
public final class SaliencyHead {

    private final float[] weights;

    public SaliencyHead(float[] weights) {
        if (weights.length == 0) {
            throw new IllegalArgumentException("a saliency head needs at least one weight");
        }
        this.weights = weights.clone();
    }

    public int channels() {
        return weights.length;
    }

    public float[] weights() {
        return weights.clone();
    }

    /** Logits (N, h, w) of a C5 map (N, C, h, w); the result lives in the map's manager. */
    public NDArray logits(NDArray c5) {
        Shape s = c5.getShape();
        if (s.dimension() != 4 || s.get(1) != weights.length) {
            throw new IllegalArgumentException("saliency head with " + weights.length + " input channels got a "
                    + "feature map of shape " + s + "; expected (N, " + weights.length + ", h, w)");
        }
        NDManager m = c5.getManager();
        try (NDArray w = m.create(weights, new Shape(1, weights.length, 1, 1))) {
            return c5.mul(w).sum(new int[] {1});
        }
    }

    /**
     * The image-size mask of one grid of logits: bilinear upsampling to {@code width x height}, sigmoid, then
     * either the probabilities ({@code soft}) or {@code > threshold} with components under {@code minComponent}
     * of the area removed.
     */
    public static Mask toMask(float[] gridLogits, int gw, int gh, int width, int height, double threshold,
            double minComponent, boolean soft) {
        float[] up = SaliencyMaps.resizeBilinear(gridLogits, gw, gh, width, height);
        for (int i = 0; i < up.length; i++) {
            up[i] = SaliencyMaps.sigmoid(up[i]);
        }
        if (soft) {
            return new Mask(width, height, up);
        }
        return SaliencyMaps.removeSmallComponents(SaliencyMaps.threshold(up, width, height, threshold), minComponent);
    }
}
