package org.harl.plugins.deepmasks;

import java.util.ArrayDeque;
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

    /**
     * MaskContrast post-processing: foreground components (8-connected) smaller than {@code minFraction} of the
     * image are cleared. Returns a new mask.
     */
    public static Mask removeSmallComponents(Mask binary, double minFraction) {
        int w = binary.width();
        int h = binary.height();
        float[] d = binary.data().clone();
        int minPixels = (int) Math.ceil(minFraction * w * h);
        if (minPixels <= 1) {
            return new Mask(w, h, d);
        }
        int[] label = new int[w * h];
        int[] members = new int[w * h];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        int next = 0;
        for (int start = 0; start < d.length; start++) {
            if (d[start] < 0.5f || label[start] != 0) {
                continue;
            }
            next++;
            int count = 0;
            label[start] = next;
            queue.add(start);
            while (!queue.isEmpty()) {
                int p = queue.poll();
                members[count++] = p;
                int px = p % w;
                int py = p / w;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int qx = px + dx;
                        int qy = py + dy;
                        if (qx < 0 || qy < 0 || qx >= w || qy >= h) {
                            continue;
                        }
                        int q = qy * w + qx;
                        if (d[q] >= 0.5f && label[q] == 0) {
                            label[q] = next;
                            queue.add(q);
                        }
                    }
                }
            }
            if (count < minPixels) {
                for (int i = 0; i < count; i++) {
                    d[members[i]] = 0f;
                }
            }
        }
        return new Mask(w, h, d);
    }
}
