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
        // union-find in one array: a root holds −(its size), any other pixel its parent (fewer cache misses)
        int[] parent = new int[n];
        java.util.Arrays.fill(parent, -1);
        // per root: float(Int(C) + k/|C|), kept up to date on merges so the edge loop does no division
        float[] threshold = new float[n];
        java.util.Arrays.fill(threshold, (float) k);
        int m = g.edgeCount();
        // edges that joined two components the test kept apart: the only ones the min-size pass can use, since
        // every other edge lies inside one component from then on (it visits them in the same order)
        int[] rejected = new int[m];
        int kept = 0;
        for (int e = 0; e < m; e++) {
            int a = find(parent, g.from(e));
            int b = find(parent, g.to(e));
            if (a == b) {
                continue;
            }
            double w = g.cost(e);
            if (w < Math.min(threshold[a], threshold[b])) {
                int r = union(parent, a, b);
                threshold[r] = (float) (w - k / parent[r]); // Int(C) = w: edges arrive in non-decreasing order
            } else {
                rejected[kept++] = e;
            }
        }
        int small = 0; // components below min_size: once none is left the pass cannot change anything
        for (int i = 0; i < n; i++) {
            if (parent[i] < 0 && -parent[i] < minSize) {
                small++;
            }
        }
        for (int j = 0; j < kept && small > 0; j++) {
            int e = rejected[j];
            int a = find(parent, g.from(e));
            int b = find(parent, g.to(e));
            if (a != b && (-parent[a] < minSize || -parent[b] < minSize)) {
                small -= (-parent[a] < minSize ? 1 : 0) + (-parent[b] < minSize ? 1 : 0);
                int r = union(parent, a, b);
                small += -parent[r] < minSize ? 1 : 0;
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

    /** The root of i's component, halving the path on the way. */
    private static int find(int[] parent, int i) {
        int p;
        while ((p = parent[i]) >= 0) {
            int up = parent[p];
            if (up < 0) {
                return p;
            }
            parent[i] = up;
            i = up;
        }
        return i;
    }

    /** Joins two roots, the larger tree absorbing the smaller (ties: {@code a}); returns the new root. */
    private static int union(int[] parent, int a, int b) {
        if (parent[a] > parent[b]) { // sizes are stored negated: a is the smaller
            int t = a;
            a = b;
            b = t;
        }
        parent[a] += parent[b];
        parent[b] = a;
        return a;
    }
}
