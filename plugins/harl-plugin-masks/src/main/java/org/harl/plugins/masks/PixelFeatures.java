package org.harl.plugins.masks;

/**
 * Per-pixel data every DRFI level shares (DRFI's {@code drfiGetImageData}, reduced): nine colour channels
 * (R, G, B; L, a, b scaled to about [0, 1]; H, S, V), a 4×4×4 histogram bin per colour space, and a rotation-invariant
 * uniform LBP code (10 values) on the L channel. Computed once per image from the smoothed planes of the first level.
 */
final class PixelFeatures {

    static final int CHANNELS = 9;
    static final int SPACES = 3;
    static final int BINS = 64;
    static final int LBP_BINS = 10;

    final int width;
    final int height;
    /** channel[c][pixel], c in 0..8. */
    final float[][] channel = new float[CHANNELS][];
    /** bin[space][pixel] in 0..63 (space 0 RGB, 1 Lab, 2 HSV). */
    final byte[][] bin = new byte[SPACES][];
    /** LBP code in 0..9. */
    final byte[] lbp;

    PixelFeatures(double[][] rgb, int width, int height) {
        this.width = width;
        this.height = height;
        int n = width * height;
        for (int c = 0; c < CHANNELS; c++) {
            channel[c] = new float[n];
        }
        for (int s = 0; s < SPACES; s++) {
            bin[s] = new byte[n];
        }
        float[] lab = new float[3];
        float[] hsv = new float[3];
        for (int i = 0; i < n; i++) {
            float r = clamp01(rgb[0][i]);
            float g = clamp01(rgb[1][i]);
            float b = clamp01(rgb[2][i]);
            toLab(r, g, b, lab);
            toHsv(r, g, b, hsv);
            channel[0][i] = r;
            channel[1][i] = g;
            channel[2][i] = b;
            channel[3][i] = lab[0];
            channel[4][i] = lab[1];
            channel[5][i] = lab[2];
            channel[6][i] = hsv[0];
            channel[7][i] = hsv[1];
            channel[8][i] = hsv[2];
            bin[0][i] = (byte) (q4(r) * 16 + q4(g) * 4 + q4(b));
            bin[1][i] = (byte) (q4(lab[0]) * 16 + q4(lab[1]) * 4 + q4(lab[2]));
            bin[2][i] = (byte) (q4(hsv[0]) * 16 + q4(hsv[1]) * 4 + q4(hsv[2]));
        }
        lbp = lbpCodes(channel[3], width, height);
    }

    private static int q4(float v) {
        return Math.min(3, Math.max(0, (int) (v * 4f)));
    }

    private static float clamp01(double v) {
        return (float) Math.max(0, Math.min(1, v));
    }

    /** sRGB (D65) to CIE Lab, returned as L/100, a/220 + 0.5, b/220 + 0.5. */
    static void toLab(float r, float g, float b, float[] out) {
        double rl = lin(r);
        double gl = lin(g);
        double bl = lin(b);
        double x = (0.4124564 * rl + 0.3575761 * gl + 0.1804375 * bl) / 0.95047;
        double y = 0.2126729 * rl + 0.7151522 * gl + 0.0721750 * bl;
        double z = (0.0193339 * rl + 0.1191920 * gl + 0.9503041 * bl) / 1.08883;
        double fx = f(x);
        double fy = f(y);
        double fz = f(z);
        out[0] = (float) ((116 * fy - 16) / 100);
        out[1] = (float) (500 * (fx - fy) / 220 + 0.5);
        out[2] = (float) (200 * (fy - fz) / 220 + 0.5);
    }

    /** sRGB linearisation sampled at 4096 steps (the per-pixel pow dominated the feature time). */
    private static final double[] LINEAR = new double[4097];

    static {
        for (int i = 0; i <= 4096; i++) {
            double c = i / 4096.0;
            LINEAR[i] = c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
        }
    }

    private static double lin(float c) {
        return LINEAR[Math.round(c * 4096f)];
    }

    private static double f(double t) {
        return t > 216.0 / 24389 ? cbrt(t) : (24389.0 / 27 * t + 16) / 116;
    }

    /**
     * Cube root of t in (0.008, 1.1] (the Lab range): exponent-halving bit estimate refined by three Newton steps,
     * relative error below 1e-12; Math.cbrt took a third of the feature time.
     */
    static double cbrt(double t) {
        double y = Double.longBitsToDouble(Double.doubleToRawLongBits(t) / 3 + 0x2A9F7893782DA1CEL);
        for (int i = 0; i < 3; i++) {
            y = y - (y * y * y - t) / (3 * y * y);
        }
        return y;
    }

    /** RGB in [0, 1] to HSV in [0, 1]. */
    static void toHsv(float r, float g, float b, float[] out) {
        float max = Math.max(r, Math.max(g, b));
        float min = Math.min(r, Math.min(g, b));
        float d = max - min;
        float h;
        if (d <= 0) {
            h = 0;
        } else if (max == r) {
            h = ((g - b) / d) / 6f;
        } else if (max == g) {
            h = ((b - r) / d + 2) / 6f;
        } else {
            h = ((r - g) / d + 4) / 6f;
        }
        out[0] = h < 0 ? h + 1 : h;
        out[1] = max <= 0 ? 0 : d / max;
        out[2] = max;
    }

    /** Rotation-invariant uniform 8-neighbour LBP (riu2): number of set bits if ≤ 2 transitions, else 9. */
    static byte[] lbpCodes(float[] grey, int w, int h) {
        int[] dx = {1, 1, 0, -1, -1, -1, 0, 1};
        int[] dy = {0, 1, 1, 1, 0, -1, -1, -1};
        byte[] out = new byte[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float c = grey[y * w + x];
                int bits = 0;
                for (int k = 0; k < 8; k++) {
                    int xx = Math.min(w - 1, Math.max(0, x + dx[k]));
                    int yy = Math.min(h - 1, Math.max(0, y + dy[k]));
                    if (grey[yy * w + xx] >= c) {
                        bits |= 1 << k;
                    }
                }
                int rotated = ((bits << 1) | (bits >>> 7)) & 0xFF;
                int transitions = Integer.bitCount(bits ^ rotated);
                out[y * w + x] = (byte) (transitions <= 2 ? Integer.bitCount(bits) : 9);
            }
        }
        return out;
    }
}
