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
        int[] a = new int[m];
        int[] b = new int[m];
        double[] c = new double[m];
        double[] pr = planes[0];
        double[] pg = planes[1];
        double[] pb = planes[2];
        int e = 0;
        for (int y = 0; y < h; y++) { // horizontal: (x+1, y) with (x, y)
            e = edges(pr, pg, pb, a, b, c, e, y * w, w - 1, 1);
        }
        for (int y = 0; y + 1 < h; y++) { // vertical: (x, y+1) with (x, y)
            e = edges(pr, pg, pb, a, b, c, e, y * w, w, w);
        }
        for (int y = 0; y + 1 < h; y++) { // down-right: (x+1, y+1) with (x, y)
            e = edges(pr, pg, pb, a, b, c, e, y * w, w - 1, w + 1);
        }
        for (int y = 0; y + 1 < h; y++) { // up-right: (x+1, y) with (x, y+1)
            e = edges(pr, pg, pb, a, b, c, e, (y + 1) * w, w - 1, 1 - w);
        }
        int[] order = EdgeSort.order(c);
        int[] sa = new int[m];
        int[] sb = new int[m];
        double[] sc = new double[m];
        for (int i = 0; i < m; i++) {
            int o = order[i];
            sa[i] = a[o];
            sb[i] = b[o];
            sc[i] = c[o];
        }
        return new FhGraph(w, h, sa, sb, sc, planes);
    }

    /**
     * Writes the {@code len} edges (i + offset, i) for i = start, start + 1, … from position e on and returns the
     * next position: one row of one direction, a plain loop over arrays that the JIT vectorises.
     */
    private static int edges(double[] r, double[] g, double[] bl, int[] a, int[] b, double[] c, int e, int start,
            int len, int offset) {
        for (int x = 0; x < len; x++) {
            int i = start + x + offset;
            int j = start + x;
            double dr = r[i] - r[j];
            double dg = g[i] - g[j];
            double db = bl[i] - bl[j];
            a[e + x] = i;
            b[e + x] = j;
            c[e + x] = Math.sqrt(dr * dr + dg * dg + db * db);
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
