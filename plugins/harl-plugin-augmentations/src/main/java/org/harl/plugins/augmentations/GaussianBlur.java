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
        for (int p = 0; p < planes; p++) {
            int off = p * w * h;
            for (int y = 0; y < h; y++) {
                int row = off + y * w;
                for (int x = 0; x < w; x++) {
                    float s = 0;
                    for (int j = -radius; j <= radius; j++) {
                        int xx = x + j < 0 ? 0 : (x + j >= w ? w - 1 : x + j);
                        s += k[j + radius] * d[row + xx];
                    }
                    tmp[y * w + x] = s;
                }
            }
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    float s = 0;
                    for (int j = -radius; j <= radius; j++) {
                        int yy = y + j < 0 ? 0 : (y + j >= h ? h - 1 : y + j);
                        s += k[j + radius] * tmp[yy * w + x];
                    }
                    d[off + y * w + x] = s;
                }
            }
        }
    }
}
