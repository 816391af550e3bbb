package org.harl.plugins.masks;

/**
 * Colour and texture statistics of the regions of one labelling: mean and variance of the nine channels, normalised
 * 64-bin histograms per colour space and the 10-bin LBP histogram, with each histogram's non-zero bins listed for
 * fast χ² distances. Pixels labelled −1 are ignored (the pseudo-background is one region of such a labelling).
 */
final class RegionStats {

    /** Colour descriptors compared between regions: see {@link #distance}. */
    static final int DESCRIPTOR = 13;

    final int count;
    final double[] area;
    final double[][] mean;
    final double[][] variance;
    final float[][][] hist;
    final int[][][] nonZero;

    RegionStats(PixelFeatures px, int[] labels, int count) {
        this.count = count;
        int n = labels.length;
        int c9 = PixelFeatures.CHANNELS;
        area = new double[count];
        mean = new double[count][c9];
        variance = new double[count][c9];
        int spaces = PixelFeatures.SPACES + 1;
        hist = new float[spaces][count][];
        for (int s = 0; s < spaces; s++) {
            int bins = s < PixelFeatures.SPACES ? PixelFeatures.BINS : PixelFeatures.LBP_BINS;
            for (int r = 0; r < count; r++) {
                hist[s][r] = new float[bins];
            }
        }
        // Sums of the nine channels, three at a time. Neighbouring pixels mostly share a region, so a region's sums
        // stay in registers along a run of its pixels instead of going through memory each pixel; every sum still
        // adds its pixels one by one in raster order, so the doubles are those of the plain loop.
        double[] sum = new double[count * c9];
        double[] sq = new double[count * c9];
        for (int c = 0; c < c9; c += 3) {
            float[] x0 = px.channel[c];
            float[] x1 = px.channel[c + 1];
            float[] x2 = px.channel[c + 2];
            int cur = -1;
            double s0 = 0, s1 = 0, s2 = 0, q0 = 0, q1 = 0, q2 = 0;
            for (int i = 0; i <= n; i++) {
                int r = i < n ? labels[i] : -1;
                if (r != cur) {
                    if (cur >= 0) {
                        int o = cur * c9 + c;
                        sum[o] = s0;
                        sum[o + 1] = s1;
                        sum[o + 2] = s2;
                        sq[o] = q0;
                        sq[o + 1] = q1;
                        sq[o + 2] = q2;
                    }
                    cur = r;
                    if (cur < 0) {
                        continue;
                    }
                    int o = cur * c9 + c;
                    s0 = sum[o];
                    s1 = sum[o + 1];
                    s2 = sum[o + 2];
                    q0 = sq[o];
                    q1 = sq[o + 1];
                    q2 = sq[o + 2];
                } else if (cur < 0) {
                    continue;
                }
                double v0 = x0[i];
                double v1 = x1[i];
                double v2 = x2[i];
                s0 += v0;
                s1 += v1;
                s2 += v2;
                q0 += v0 * v0;
                q1 += v1 * v1;
                q2 += v2 * v2;
            }
        }
        // histogram counts (exact: far below 2^24) of the three colour spaces and LBP in one pass
        int bins = PixelFeatures.BINS;
        int lbpBins = PixelFeatures.LBP_BINS;
        int[] counts = new int[count * bins * PixelFeatures.SPACES];
        int[] lbpCounts = new int[count * lbpBins];
        byte[] b0 = px.bin[0];
        byte[] b1 = px.bin[1];
        byte[] b2 = px.bin[2];
        byte[] lbp = px.lbp;
        for (int i = 0; i < n; i++) {
            int r = labels[i];
            if (r >= 0) {
                area[r]++;
                int o = r * bins * PixelFeatures.SPACES;
                counts[o + b0[i]]++;
                counts[o + bins + b1[i]]++;
                counts[o + 2 * bins + b2[i]]++;
                lbpCounts[r * lbpBins + lbp[i]]++;
            }
        }
        for (int r = 0; r < count; r++) {
            for (int sp = 0; sp < PixelFeatures.SPACES; sp++) {
                float[] h = hist[sp][r];
                for (int k = 0; k < bins; k++) {
                    h[k] = counts[(r * PixelFeatures.SPACES + sp) * bins + k];
                }
            }
            float[] h = hist[PixelFeatures.SPACES][r];
            for (int k = 0; k < lbpBins; k++) {
                h[k] = lbpCounts[r * lbpBins + k];
            }
        }
        nonZero = new int[spaces][count][];
        for (int r = 0; r < count; r++) {
            double a = Math.max(1, area[r]);
            for (int c = 0; c < c9; c++) {
                mean[r][c] = sum[r * c9 + c] / a;
                variance[r][c] = Math.max(0, sq[r * c9 + c] / a - mean[r][c] * mean[r][c]);
            }
            for (int s = 0; s < spaces; s++) {
                float[] h = hist[s][r];
                int nz = 0;
                for (int b = 0; b < h.length; b++) {
                    h[b] /= (float) a;
                    if (h[b] > 0) {
                        nz++;
                    }
                }
                int[] list = new int[nz];
                nz = 0;
                for (int b = 0; b < h.length; b++) {
                    if (h[b] > 0) {
                        list[nz++] = b;
                    }
                }
                nonZero[s][r] = list;
            }
        }
    }

    /**
     * The 13 descriptor differences between region i of this and region j of {@code other}, written to
     * {@code out[off..off+12]}: for RGB, Lab and HSV in turn |Δmean| of the three channels then χ² of the
     * histogram; last χ² of the LBP histogram.
     */
    void distance(int i, RegionStats other, int j, double[] out, int off) {
        int o = off;
        for (int s = 0; s < PixelFeatures.SPACES; s++) {
            for (int c = 3 * s; c < 3 * s + 3; c++) {
                out[o++] = Math.abs(mean[i][c] - other.mean[j][c]);
            }
            out[o++] = chiSquare(s, i, other, j);
        }
        out[o] = chiSquare(PixelFeatures.SPACES, i, other, j);
    }

    /**
     * χ²(h1, h2) = ½ Σ (h1 − h2)² / (h1 + h2) for normalised histograms, computed as 1 − 2 Σ h1·h2 / (h1 + h2) over
     * the bins where both are non-zero (the others contribute their mass, which sums to what that identity removes).
     */
    private double chiSquare(int space, int i, RegionStats other, int j) {
        float[] a = hist[space][i];
        float[] b = other.hist[space][j];
        int[] list = nonZero[space][i].length <= other.nonZero[space][j].length ? nonZero[space][i] : other.nonZero[space][j];
        double s = 0;
        for (int bin : list) {
            float x = a[bin];
            float y = b[bin];
            if (x > 0 && y > 0) {
                s += x * y / (x + y);
            }
        }
        return Math.max(0, 1 - 2 * s);
    }
}
