package org.harl.plugins.masks;

/**
 * Separable Gaussian smoothing as scikit-image's {@code gaussian(mode='reflect', truncate=4)} (scipy
 * {@code gaussian_filter}): radius {@code int(4σ + 0.5)}, normalised weights, half-sample symmetric padding
 * ({@code d c b a | a b c d | d c b a}), rows filtered first then columns, all in double precision.
 */
final class GaussianSmoothing {

    private GaussianSmoothing() {
    }

    /** The normalised kernel of length {@code 2r+1}. */
    static double[] kernel(double sigma) {
        int r = (int) (4.0 * sigma + 0.5);
        double[] k = new double[2 * r + 1];
        double sum = 0;
        for (int i = -r; i <= r; i++) {
            k[i + r] = Math.exp(-0.5 * i * i / (sigma * sigma));
            sum += k[i + r];
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= sum;
        }
        return k;
    }

    /** Smooths one plane in place-free fashion: returns a new array of {@code w*h} values. */
    static double[] smooth(double[] plane, int w, int h, double sigma) {
        if (sigma <= 0) {
            return plane.clone();
        }
        double[] k = kernel(sigma);
        int r = k.length / 2;
        // scipy filters axis 0 (y) first, then axis 1 (x); the y pass runs over whole rows for cache locality
        double[] tmp = new double[w * h];
        for (int y = 0; y < h; y++) {
            int row = y * w;
            for (int j = 0; j < k.length; j++) {
                int src = reflect(y + j - r, h) * w;
                double kj = k[j];
                for (int x = 0; x < w; x++) {
                    tmp[row + x] += kj * plane[src + x];
                }
            }
        }
        double[] out = new double[w * h];
        double[] line = new double[w + 2 * r];
        int[] source = new int[w + 2 * r]; // the padded row's reflected indices, the same for every row
        for (int i = -r; i < w + r; i++) {
            source[i + r] = reflect(i, w);
        }
        for (int y = 0; y < h; y++) {
            int row = y * w;
            for (int i = 0; i < line.length; i++) {
                line[i] = tmp[row + source[i]];
            }
            // taps outermost: each output still sums its products in tap order (same doubles), but the inner loop
            // runs along the row, which the JIT vectorises
            for (int j = 0; j < k.length; j++) {
                double kj = k[j];
                for (int x = 0; x < w; x++) {
                    out[row + x] += kj * line[x + j];
                }
            }
        }
        return out;
    }

    /** Half-sample symmetric index into {@code [0, n)}, periodic with period 2n for far-out indices. */
    static int reflect(int i, int n) {
        if (n == 1) {
            return 0;
        }
        int period = 2 * n;
        int m = Math.floorMod(i, period);
        return m < n ? m : period - 1 - m;
    }
}
