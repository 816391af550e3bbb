package org.harl.plugins.deepmasks;

import java.util.ArrayDeque;
import org.harl.spi.data.Mask;

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
     * Bilinear resize of a row-major map with PyTorch's {@code interpolate(mode='bilinear', align_corners=False)}
     * sampling: output pixel centres map to {@code (x + 0.5)·w/W − 0.5} in the source, clamped at the edges.
     */
    public static float[] resizeBilinear(float[] src, int w, int h, int outW, int outH) {
        float[] out = new float[outW * outH];
        double sx = (double) w / outW;
        double sy = (double) h / outH;
        for (int y = 0; y < outH; y++) {
            double fy = Math.max(0, (y + 0.5) * sy - 0.5);
            int y0 = Math.min((int) fy, h - 1);
            int y1 = Math.min(y0 + 1, h - 1);
            float ay = (float) (fy - y0);
            for (int x = 0; x < outW; x++) {
                double fx = Math.max(0, (x + 0.5) * sx - 0.5);
                int x0 = Math.min((int) fx, w - 1);
                int x1 = Math.min(x0 + 1, w - 1);
                float ax = (float) (fx - x0);
                float top = src[y0 * w + x0] * (1 - ax) + src[y0 * w + x1] * ax;
                float bottom = src[y1 * w + x0] * (1 - ax) + src[y1 * w + x1] * ax;
                out[y * outW + x] = top * (1 - ay) + bottom * ay;
            }
        }
        return out;
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
