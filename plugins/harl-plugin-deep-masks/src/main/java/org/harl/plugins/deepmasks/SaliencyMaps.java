package org.harl.plugins.deepmasks;

import org.harl.spi.data.Mask;
import org.harl.spi.data.Resampler;

/** Plain-array operations that turn a saliency model's output into a mask. */
public final class SaliencyMaps {

    private SaliencyMaps() {
    }

    public static float sigmoid(float x) {
        return (float) (1.0 / (1.0 + Math.exp(-x)));
    }

    /** Binary mask: 1 where {@code probability > threshold}. */
    public static Mask threshold(float[] probability, int width, int height, double threshold) {
        float[] d = new float[probability.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = probability[i] > threshold ? 1f : 0f;
        }
        return new Mask(width, height, d);
    }

    /**
     * Bilinear upsampling of a row-major map (any values, e.g. logits) with the project's {@link Resampler}; when
     * enlarging it samples like PyTorch's {@code interpolate(mode='bilinear', align_corners=False)}.
     */
    public static float[] resizeBilinear(float[] src, int w, int h, int outW, int outH) {
        // Mask is only the carrier of one float plane here; Resampler does not care about the value range.
        return Resampler.resize(w, h, outW, outH).apply(new Mask(w, h, src)).data();
    }
}
