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
        double[][] sq = new double[count][c9];
        for (int i = 0; i < n; i++) {
            int r = labels[i];
            if (r < 0) {
                continue;
            }
            area[r]++;
            for (int c = 0; c < c9; c++) {
                double v = px.channel[c][i];
                mean[r][c] += v;
                sq[r][c] += v * v;
            }
            for (int s = 0; s < PixelFeatures.SPACES; s++) {
                hist[s][r][px.bin[s][i]]++;
            }
            hist[PixelFeatures.SPACES][r][px.lbp[i]]++;
        }
        nonZero = new int[spaces][count][];
        for (int r = 0; r < count; r++) {
            double a = Math.max(1, area[r]);
            for (int c = 0; c < c9; c++) {
                mean[r][c] /= a;
                variance[r][c] = Math.max(0, sq[r][c] / a - mean[r][c] * mean[r][c]);
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
