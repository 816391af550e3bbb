package org.harl.plugins.masks;

import org.harl.spi.data.Mask;

/**
 * Saliency map to binary mask: adaptive threshold T = min(2·mean(S), clip) (Achanta et al. 2009), then removal of
 * 8-connected foreground components smaller than a fraction of the image (MaskContrast's post-processing).
 */
final class Binarization {

    private Binarization() {
    }

    static Mask binarize(float[] saliency, int w, int h, double clip, double minComponentFraction) {
        double mean = 0;
        for (float s : saliency) {
            mean += s;
        }
        mean /= saliency.length;
        return binarizeAt(saliency, w, h, Math.min(2 * mean, clip), minComponentFraction);
    }

    /** Foreground where S ≥ t (and S > 0), then small components removed. */
    static Mask binarizeAt(float[] saliency, int w, int h, double t, double minComponentFraction) {
        float[] m = new float[saliency.length];
        for (int i = 0; i < m.length; i++) {
            m[i] = saliency[i] > 0 && saliency[i] >= t ? 1f : 0f;
        }
        removeSmallComponents(m, w, h, (int) Math.ceil(minComponentFraction * w * h));
        return new Mask(w, h, m);
    }

    /** Sets to 0 every 8-connected component of 1s with fewer than {@code minPixels} pixels. */
    static void removeSmallComponents(float[] m, int w, int h, int minPixels) {
        if (minPixels <= 1) {
            return;
        }
        boolean[] seen = new boolean[m.length];
        int[] queue = new int[m.length]; // breadth-first; a component's pixels stay in queue[first, tail)
        for (int start = 0; start < m.length; start++) {
            if (m[start] == 0 || seen[start]) {
                continue;
            }
            int first = 0;
            int head = 0;
            int tail = 0;
            queue[tail++] = start;
            seen[start] = true;
            while (head < tail) {
                int p = queue[head++];
                int px = p % w;
                int py = p / w;
                for (int y = Math.max(0, py - 1); y <= Math.min(h - 1, py + 1); y++) {
                    for (int x = Math.max(0, px - 1); x <= Math.min(w - 1, px + 1); x++) {
                        int q = y * w + x;
                        if (m[q] != 0 && !seen[q]) {
                            seen[q] = true;
                            queue[tail++] = q;
                        }
                    }
                }
            }
            if (tail - first < minPixels) {
                for (int i = first; i < tail; i++) {
                    m[queue[i]] = 0;
                }
            }
        }
    }
}
