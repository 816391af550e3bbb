package org.harl.plugins.deepmasks;

import org.harl.spi.data.Mask;
import org.harl.spi.data.MaskCleanup;

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

    /** One logit per cell of a C5 map: the dot product of the head's weights with the cell's C features. */
    public float[] logits(EncoderGrid.Features f) {
        if (f.channels() != weights.length) {
            throw new IllegalArgumentException("saliency head with " + weights.length + " input channels got a "
                    + f.channels() + "-channel feature map (was the head trained on another encoder?)");
        }
        int cells = f.width() * f.height();
        float[] out = new float[cells];
        for (int c = 0; c < weights.length; c++) {
            float w = weights[c];
            int base = c * cells;
            for (int i = 0; i < cells; i++) {
                out[i] += w * f.data()[base + i];
            }
        }
        return out;
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
        return MaskCleanup.withoutSmallComponents(SaliencyMaps.threshold(up, width, height, threshold), minComponent);
    }
}
