package org.harl.plugins.masks;

/**
 * Label-free region labels from priors, confident extremes only (DRFI's 75% rule has no analogue without masks):
 * prior = backgroundness × border-connectivity weight × centre prior, where backgroundness is the mean of the
 * z-scored background-contrast features, the border weight is RBD's exp(−BndCon²/2) (Zhu et al. 2014) and the centre
 * prior a Gaussian of σ = 0.25 around the image centre. Regions in the top 20% of the prior that do not touch the
 * border are foreground; those in the bottom 40% or strongly border-connected (BndCon ≥ 2) background.
 */
final class PseudoLabels {

    private static final int BG = RegionStats.DESCRIPTOR;
    private static final int PROPS = 2 * RegionStats.DESCRIPTOR;
    private static final int MEAN_X = PROPS;
    private static final int MEAN_Y = PROPS + 1;
    private static final int BND_CON = PROPS + 19;

    private PseudoLabels() {
    }

    /** Per region 1 (foreground), 0 (background) or −1 (not confident). */
    static int[] label(double[][] f) {
        int r = f.length;
        double[] backgroundness = new double[r];
        for (int k = BG; k < BG + RegionStats.DESCRIPTOR; k++) {
            double mean = 0;
            double sq = 0;
            for (double[] row : f) {
                mean += row[k];
                sq += row[k] * row[k];
            }
            mean /= r;
            double std = Math.sqrt(Math.max(1e-12, sq / r - mean * mean));
            for (int i = 0; i < r; i++) {
                backgroundness[i] += (f[i][k] - mean) / std / RegionStats.DESCRIPTOR;
            }
        }
        DrfiSaliency.normalise(backgroundness);
        double[] prior = new double[r];
        for (int i = 0; i < r; i++) {
            double bc = f[i][BND_CON];
            double dx = f[i][MEAN_X] - 0.5;
            double dy = f[i][MEAN_Y] - 0.5;
            prior[i] = backgroundness[i] * Math.exp(-bc * bc / 2) * Math.exp(-(dx * dx + dy * dy) / (2 * 0.0625));
        }
        double[] sorted = prior.clone();
        java.util.Arrays.sort(sorted);
        double high = sorted[(int) Math.floor(0.8 * (r - 1))];
        double low = sorted[(int) Math.floor(0.4 * (r - 1))];
        int[] out = new int[r];
        for (int i = 0; i < r; i++) {
            double bc = f[i][BND_CON];
            if (r >= 3 && prior[i] >= high && prior[i] > 0 && bc == 0) {
                out[i] = 1;
            } else if (prior[i] <= low || bc >= 2) {
                out[i] = 0;
            } else {
                out[i] = -1;
            }
        }
        return out;
    }
}
