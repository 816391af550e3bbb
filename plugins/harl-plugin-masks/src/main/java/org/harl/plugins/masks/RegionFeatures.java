package org.harl.plugins.masks;

/**
 * DRFI's regional feature vector, a documented 47-D subset of the 93-D original (texture filter bank dropped for
 * speed, 4×4×4 colour histograms instead of 8×8×8, rotation-invariant uniform LBP instead of 256-bin LBP):
 * <ul>
 *   <li>0–12 regional contrast: Σ_j w_ij d_ij / Σ_j w_ij over all other regions, w_ij = exp(−‖c_i − c_j‖² / 0.4),
 *       centroids divided by max(w, h); d = the 13 {@link RegionStats#distance descriptor differences};</li>
 *   <li>13–25 backgroundness: d against the pseudo-background border strip;</li>
 *   <li>26–46 properties: mean x, mean y, 10th/90th percentile of x and of y (all / size), perimeter/(w + h),
 *       bounding-box aspect ratio, variances of the nine channels, area fraction, neighbours' area fraction,
 *       boundary connectivity (border pixels / √area, as in RBD), border pixels / image perimeter.</li>
 * </ul>
 */
final class RegionFeatures {

    static final int DIM = 2 * RegionStats.DESCRIPTOR + 21;

    private RegionFeatures() {
    }

    /** One row per region of {@code seg}. */
    static double[][] compute(PixelFeatures px, RegionStats background, Segmentation seg) {
        int w = seg.width();
        int h = seg.height();
        int n = w * h;
        int r = seg.count();
        int[] labels = seg.labels();
        RegionStats stats = new RegionStats(px, labels, r);
        double[] sumX = new double[r];
        double[] sumY = new double[r];
        int[] colCount = new int[r * w];
        int[] rowCount = new int[r * h];
        int[] perimeter = new int[r];
        int[] border = new int[r];
        boolean[] adjacent = new boolean[r * r];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                int l = labels[i];
                sumX[l] += x;
                sumY[l] += y;
                colCount[l * w + x]++;
                rowCount[l * h + y]++;
                boolean onBorder = x == 0 || y == 0 || x == w - 1 || y == h - 1;
                if (onBorder) {
                    border[l]++;
                }
                boolean edge = onBorder;
                if (x + 1 < w && labels[i + 1] != l) {
                    adjacent[l * r + labels[i + 1]] = true;
                    adjacent[labels[i + 1] * r + l] = true;
                    edge = true;
                }
                if (y + 1 < h && labels[i + w] != l) {
                    adjacent[l * r + labels[i + w]] = true;
                    adjacent[labels[i + w] * r + l] = true;
                    edge = true;
                }
                if (!edge && (x > 0 && labels[i - 1] != l || y > 0 && labels[i - w] != l)) {
                    edge = true;
                }
                if (edge) {
                    perimeter[l]++;
                }
            }
        }
        double scale = Math.max(w, h);
        double[] cx = new double[r];
        double[] cy = new double[r];
        for (int i = 0; i < r; i++) {
            cx[i] = sumX[i] / stats.area[i] / scale;
            cy[i] = sumY[i] / stats.area[i] / scale;
        }
        int d = RegionStats.DESCRIPTOR;
        double[][] f = new double[r][DIM];
        double[] weightSum = new double[r];
        double[] dist = new double[d];
        for (int i = 0; i < r; i++) {
            for (int j = i + 1; j < r; j++) {
                double dx = cx[i] - cx[j];
                double dy = cy[i] - cy[j];
                double wij = Math.exp(-(dx * dx + dy * dy) / 0.4);
                stats.distance(i, stats, j, dist, 0);
                for (int k = 0; k < d; k++) {
                    f[i][k] += wij * dist[k];
                    f[j][k] += wij * dist[k];
                }
                weightSum[i] += wij;
                weightSum[j] += wij;
            }
        }
        for (int i = 0; i < r; i++) {
            double[] row = f[i];
            if (weightSum[i] > 0) {
                for (int k = 0; k < d; k++) {
                    row[k] /= weightSum[i];
                }
            }
            stats.distance(i, background, 0, row, d);
            int o = 2 * d;
            double area = stats.area[i];
            row[o++] = sumX[i] / area / w;
            row[o++] = sumY[i] / area / h;
            int[] xr = percentiles(colCount, i * w, w, area);
            int[] yr = percentiles(rowCount, i * h, h, area);
            row[o++] = xr[0] / (double) w;
            row[o++] = xr[1] / (double) w;
            row[o++] = yr[0] / (double) h;
            row[o++] = yr[1] / (double) h;
            row[o++] = perimeter[i] / (double) (w + h);
            row[o++] = (xr[3] - xr[2] + 1) / (double) (yr[3] - yr[2] + 1);
            for (int c = 0; c < PixelFeatures.CHANNELS; c++) {
                row[o++] = stats.variance[i][c];
            }
            row[o++] = area / n;
            double neighbours = 0;
            for (int j = 0; j < r; j++) {
                if (adjacent[i * r + j]) {
                    neighbours += stats.area[j];
                }
            }
            row[o++] = neighbours / n;
            row[o++] = border[i] / Math.sqrt(area);
            row[o] = border[i] / (double) (2 * (w + h) - 4);
        }
        return f;
    }

    /** {10th percentile, 90th percentile, min, max} of a coordinate from its per-region histogram. */
    private static int[] percentiles(int[] counts, int off, int len, double total) {
        int p10 = -1;
        int p90 = -1;
        int min = -1;
        int max = 0;
        double cum = 0;
        for (int v = 0; v < len; v++) {
            int c = counts[off + v];
            if (c == 0) {
                continue;
            }
            if (min < 0) {
                min = v;
            }
            max = v;
            cum += c;
            if (p10 < 0 && cum >= 0.1 * total) {
                p10 = v;
            }
            if (p90 < 0 && cum >= 0.9 * total) {
                p90 = v;
            }
        }
        return new int[] {p10, p90, min, max};
    }

    /** The pseudo-background: a border strip ⌊15·max(w, h)/400⌋ pixels wide (at least 1), as one region. */
    static RegionStats background(PixelFeatures px) {
        int w = px.width;
        int h = px.height;
        int strip = Math.max(1, 15 * Math.max(w, h) / 400);
        int[] labels = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean in = x < strip || y < strip || x >= w - strip || y >= h - strip;
                labels[y * w + x] = in ? 0 : -1;
            }
        }
        return new RegionStats(px, labels, 1);
    }
}
