package org.harl.plugins.augmentations;

/** Separable Gaussian blur of planar data, kernel radius ceil(3 sigma), edges clamped. */
final class GaussianBlur {

    private GaussianBlur() {
    }

    /** Blurs every plane of {@code d} ({@code planes} planes of w x h) in place. */
    static void apply(float[] d, int w, int h, int planes, double sigma) {
        int radius = Math.max(1, (int) Math.ceil(3 * sigma));
        float[] k = new float[2 * radius + 1];
        double sum = 0;
        for (int i = -radius; i <= radius; i++) {
            double v = Math.exp(-(i * (double) i) / (2 * sigma * sigma));
            k[i + radius] = (float) v;
            sum += v;
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= (float) sum;
        }
        float[] tmp = new float[w * h];
        float[] padded = new float[w + 2 * radius];
        for (int p = 0; p < planes; p++) {
            int off = p * w * h;
            // horizontal: each row copied into a buffer with clamped (edge-repeated) borders
            for (int y = 0; y < h; y++) {
                int row = off + y * w;
                System.arraycopy(d, row, padded, radius, w);
                java.util.Arrays.fill(padded, 0, radius, d[row]);
                java.util.Arrays.fill(padded, radius + w, padded.length, d[row + w - 1]);
                for (int x = 0; x < w; x++) {
                    float s = 0;
                    for (int j = 0; j < k.length; j++) {
                        s += k[j] * padded[x + j];
                    }
                    tmp[y * w + x] = s;
                }
            }
            // vertical: whole rows at a time, clamped row index
            for (int y = 0; y < h; y++) {
                int o = off + y * w;
                java.util.Arrays.fill(d, o, o + w, 0f);
                for (int j = -radius; j <= radius; j++) {
                    int yy = y + j < 0 ? 0 : (y + j >= h ? h - 1 : y + j);
                    float kj = k[j + radius];
                    int t = yy * w;
                    for (int x = 0; x < w; x++) {
                        d[o + x] += kj * tmp[t + x];
                    }
                }
            }
        }
    }
}
