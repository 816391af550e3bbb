package org.harl.spi.data;

/**
 * Post-processing shared by mask proposers: MaskContrast's removal of small foreground components (8-connected),
 * used after thresholding a saliency map.
 */
public final class MaskCleanup {

    private MaskCleanup() {
    }

    /** A copy of a binary mask without the foreground components smaller than {@code minFraction} of its area. */
    public static Mask withoutSmallComponents(Mask binary, double minFraction) {
        float[] m = binary.data().clone();
        removeSmallComponents(m, binary.width(), binary.height(),
                (int) Math.ceil(minFraction * binary.width() * binary.height()));
        return new Mask(binary.width(), binary.height(), m);
    }

    /** Sets to 0 every 8-connected component of 1s with fewer than {@code minPixels} pixels. */
    public static void removeSmallComponents(float[] m, int w, int h, int minPixels) {
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
