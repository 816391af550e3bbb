package org.harl.plugins.masks;

import org.harl.spi.data.RgbImage;

/**
 * Felzenszwalb–Huttenlocher graph-based segmentation with scikit-image semantics
 * ({@code skimage.segmentation.felzenszwalb(image, scale, sigma, min_size)}): 8-neighbour graph on the smoothed
 * image, merge when {@code w < min(Int(A) + k/|A|, Int(B) + k/|B|)} with the thresholds rounded to float32 as
 * scikit-image's Cython does, {@code k = scale/255} on [0, 1] intensities, then a pass over the same sorted edges
 * joining any component smaller than {@code min_size}.
 */
public final class Felzenszwalb {

    private Felzenszwalb() {
    }

    /** Segments an image (builds the σ graph; reuse {@link #segment(FhGraph, double, int)} for several levels). */
    public static Segmentation segment(RgbImage image, double scale, double sigma, int minSize) {
        return segment(FhGraph.build(image, sigma), scale, minSize);
    }

    /** Segments a prebuilt graph. */
    public static Segmentation segment(FhGraph g, double scale, int minSize) {
        if (scale <= 0) {
            throw new IllegalArgumentException("scale must be > 0, got " + scale);
        }
        int n = g.width() * g.height();
        double k = scale / 255.0;
        int[] parent = new int[n];
        int[] size = new int[n];
        // per root: float(Int(C) + k/|C|), kept up to date on merges so the edge loop does no division
        float[] threshold = new float[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
            size[i] = 1;
            threshold[i] = (float) k;
        }
        int m = g.edgeCount();
        for (int e = 0; e < m; e++) {
            int a = find(parent, g.from(e));
            int b = find(parent, g.to(e));
            if (a == b) {
                continue;
            }
            double w = g.cost(e);
            if (w < Math.min(threshold[a], threshold[b])) {
                int r = union(parent, size, a, b);
                threshold[r] = (float) (w + k / size[r]); // Int(C) = w: edges arrive in non-decreasing order
            }
        }
        int small = 0; // components below min_size: once none is left the pass cannot change anything
        for (int i = 0; i < n; i++) {
            if (parent[i] == i && size[i] < minSize) {
                small++;
            }
        }
        for (int e = 0; e < m && small > 0; e++) {
            int a = find(parent, g.from(e));
            int b = find(parent, g.to(e));
            if (a != b && (size[a] < minSize || size[b] < minSize)) {
                small -= (size[a] < minSize ? 1 : 0) + (size[b] < minSize ? 1 : 0);
                int r = union(parent, size, a, b);
                small += size[r] < minSize ? 1 : 0;
            }
        }
        int[] labels = new int[n];
        int[] labelOfRoot = new int[n];
        java.util.Arrays.fill(labelOfRoot, -1);
        int count = 0;
        for (int i = 0; i < n; i++) {
            int r = find(parent, i);
            if (labelOfRoot[r] < 0) {
                labelOfRoot[r] = count++;
            }
            labels[i] = labelOfRoot[r];
        }
        return new Segmentation(g.width(), g.height(), count, labels);
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]]; // path halving
            i = parent[i];
        }
        return i;
    }

    /** Joins two roots, the larger tree absorbing the smaller; returns the new root. */
    private static int union(int[] parent, int[] size, int a, int b) {
        if (size[a] < size[b]) {
            int t = a;
            a = b;
            b = t;
        }
        parent[b] = a;
        size[a] += size[b];
        return a;
    }
}
