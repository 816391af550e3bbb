package org.harl.plugins.masks;

import org.harl.spi.data.RgbImage;

/**
 * The 8-connected pixel graph of Felzenszwalb–Huttenlocher segmentation for one Gaussian σ, with its edges sorted by
 * weight. Segmentations at several (scale, min_size) with the same σ share one graph, so smoothing and sorting are
 * paid once.
 *
 * <p>Weights follow scikit-image: each channel smoothed with {@link GaussianSmoothing}, then the Euclidean RGB
 * distance in [0, 1] units, in double precision. Edges are listed in scikit-image's order (horizontal, vertical,
 * down-right, up-right; row-major) and sorted by weight; equal weights keep that order.
 */
public final class FhGraph {

    private final int width;
    private final int height;
    private final int[] from;
    private final int[] to;
    private final double[] cost;
    private final double[][] smoothed;

    private FhGraph(int width, int height, int[] from, int[] to, double[] cost, double[][] smoothed) {
        this.width = width;
        this.height = height;
        this.from = from;
        this.to = to;
        this.cost = cost;
        this.smoothed = smoothed;
    }

    /** Smooths the image with Gaussian σ (0 = no smoothing) and builds the sorted edge list. */
    public static FhGraph build(RgbImage image, double sigma) {
        int w = image.width();
        int h = image.height();
        int n = w * h;
        double[][] planes = new double[3][];
        float[] d = image.data();
        for (int c = 0; c < 3; c++) {
            double[] p = new double[n];
            for (int i = 0; i < n; i++) {
                p[i] = d[c * n + i];
            }
            planes[c] = GaussianSmoothing.smooth(p, w, h, sigma);
        }
        int m = Math.max(0, h * (w - 1)) + Math.max(0, (h - 1) * w) + 2 * Math.max(0, (h - 1) * (w - 1));
        // An edge is named by its slot, direction << shift | lower pixel ("to"): the sorted keys then give both
        // endpoints by arithmetic, and only the weight is gathered. Slots ascend in the edge-list order
        // (direction-major, row-major), so stable sorting by slot keeps scikit-image's order of equal weights.
        int shift = 32 - Integer.numberOfLeadingZeros(Math.max(1, n - 1));
        if (shift > 28) { // 4 << shift slots must fit an int
            throw new IllegalArgumentException("image of " + w + "x" + h + " pixels is too large to segment (at most "
                    + (1 << 28) + " pixels)");
        }
        int[] offset = {1, w, w + 1, 1 - w};
        double[] c = new double[4 << shift];
        long[] keys = new long[m];
        double[] pr = planes[0];
        double[] pg = planes[1];
        double[] pb = planes[2];
        int e = 0;
        for (int y = 0; y < h; y++) { // horizontal: (x+1, y) with (x, y)
            e = edges(pr, pg, pb, c, keys, e, 0, shift, y * w, w - 1, offset[0]);
        }
        for (int y = 0; y + 1 < h; y++) { // vertical: (x, y+1) with (x, y)
            e = edges(pr, pg, pb, c, keys, e, 1, shift, y * w, w, offset[1]);
        }
        for (int y = 0; y + 1 < h; y++) { // down-right: (x+1, y+1) with (x, y)
            e = edges(pr, pg, pb, c, keys, e, 2, shift, y * w, w - 1, offset[2]);
        }
        for (int y = 0; y + 1 < h; y++) { // up-right: (x+1, y) with (x, y+1)
            e = edges(pr, pg, pb, c, keys, e, 3, shift, (y + 1) * w, w - 1, offset[3]);
        }
        long[] sorted = EdgeSort.sort(keys, c);
        int[] sa = new int[m];
        int[] sb = new int[m];
        double[] sc = new double[m];
        int mask = (1 << shift) - 1;
        for (int i = 0; i < m; i++) {
            int slot = (int) sorted[i];
            int lower = slot & mask;
            sa[i] = lower + offset[slot >>> shift];
            sb[i] = lower;
            sc[i] = c[slot];
        }
        return new FhGraph(w, h, sa, sb, sc, planes);
    }

    /**
     * Weighs the {@code len} edges (i + offset, i) for i = start, start + 1, … of direction {@code dir} into their
     * slots of {@code c} and appends their sort keys (float bits of the weight, slot) from position e on; returns the
     * next position. One row of one direction: a plain loop over arrays.
     */
    private static int edges(double[] r, double[] g, double[] bl, double[] c, long[] keys, int e, int dir, int shift,
            int start, int len, int offset) {
        int base = dir << shift;
        for (int x = 0; x < len; x++) {
            int j = start + x;
            int i = j + offset;
            double dr = r[i] - r[j];
            double dg = g[i] - g[j];
            double db = bl[i] - bl[j];
            double weight = Math.sqrt(dr * dr + dg * dg + db * db);
            c[base + j] = weight;
            keys[e + x] = ((long) Float.floatToRawIntBits((float) weight) << 32) | (base + j);
        }
        return e + Math.max(0, len);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int edgeCount() {
        return cost.length;
    }

    int from(int e) {
        return from[e];
    }

    int to(int e) {
        return to[e];
    }

    double cost(int e) {
        return cost[e];
    }

    /** The smoothed channel planes (R, G, B), values in [0, 1] units. Not to be modified. */
    double[][] smoothed() {
        return smoothed;
    }
}
