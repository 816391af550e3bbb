package org.harl.plugins.augmentations;

/**
 * Photometric operations on planar RGB data in [0, 1], in place. Each op clamps to [0, 1] like torchvision's
 * functional transforms on float tensors. Grey uses ITU-R 601 luma (0.299, 0.587, 0.114).
 */
final class ColorOps {

    private ColorOps() {
    }

    static void brightness(float[] d, double factor) {
        for (int i = 0; i < d.length; i++) {
            d[i] = clamp((float) (d[i] * factor));
        }
    }

    /** Blends with the mean grey level of the whole image. */
    static void contrast(float[] d, int n, double factor) {
        double mean = 0;
        for (int i = 0; i < n; i++) {
            mean += luma(d, n, i);
        }
        mean /= n;
        float m = (float) ((1 - factor) * mean);
        for (int i = 0; i < d.length; i++) {
            d[i] = clamp((float) (d[i] * factor) + m);
        }
    }

    /** Blends each pixel with its own grey level. */
    static void saturation(float[] d, int n, double factor) {
        for (int i = 0; i < n; i++) {
            float g = (float) ((1 - factor) * luma(d, n, i));
            d[i] = clamp((float) (d[i] * factor) + g);
            d[n + i] = clamp((float) (d[n + i] * factor) + g);
            d[2 * n + i] = clamp((float) (d[2 * n + i] * factor) + g);
        }
    }

    /** Rotates the hue by {@code shift} turns (HSV, like torchvision's adjust_hue). */
    static void hue(float[] d, int n, double shift) {
        for (int i = 0; i < n; i++) {
            float r = d[i];
            float g = d[n + i];
            float b = d[2 * n + i];
            float max = Math.max(r, Math.max(g, b));
            float min = Math.min(r, Math.min(g, b));
            float delta = max - min;
            if (delta <= 0) {
                continue; // grey pixel: hue undefined, unchanged
            }
            double h;
            if (max == r) {
                h = ((g - b) / delta) / 6.0;
            } else if (max == g) {
                h = ((b - r) / delta + 2) / 6.0;
            } else {
                h = ((r - g) / delta + 4) / 6.0;
            }
            h = h + shift;
            h -= Math.floor(h);
            double s = delta / max;
            double v = max;
            double h6 = h * 6;
            int sector = (int) h6 % 6;
            double f = h6 - Math.floor(h6);
            float p = (float) (v * (1 - s));
            float q = (float) (v * (1 - s * f));
            float t = (float) (v * (1 - s * (1 - f)));
            float vv = (float) v;
            switch (sector) {
                case 0 -> set(d, n, i, vv, t, p);
                case 1 -> set(d, n, i, q, vv, p);
                case 2 -> set(d, n, i, p, vv, t);
                case 3 -> set(d, n, i, p, q, vv);
                case 4 -> set(d, n, i, t, p, vv);
                default -> set(d, n, i, vv, p, q);
            }
        }
    }

    static void grayscale(float[] d, int n) {
        for (int i = 0; i < n; i++) {
            float g = luma(d, n, i);
            d[i] = g;
            d[n + i] = g;
            d[2 * n + i] = g;
        }
    }

    /** Inverts values at or above the threshold. */
    static void solarize(float[] d, double threshold) {
        for (int i = 0; i < d.length; i++) {
            if (d[i] >= threshold) {
                d[i] = 1 - d[i];
            }
        }
    }

    /** (x - mean) / std per channel. */
    static void normalise(float[] d, int n, double[] mean, double[] std) {
        for (int c = 0; c < 3; c++) {
            float m = (float) mean[c];
            float inv = (float) (1 / std[c]);
            for (int i = c * n; i < (c + 1) * n; i++) {
                d[i] = (d[i] - m) * inv;
            }
        }
    }

    private static float luma(float[] d, int n, int i) {
        return 0.299f * d[i] + 0.587f * d[n + i] + 0.114f * d[2 * n + i];
    }

    private static void set(float[] d, int n, int i, float r, float g, float b) {
        d[i] = r;
        d[n + i] = g;
        d[2 * n + i] = b;
    }

    private static float clamp(float v) {
        return v < 0 ? 0 : (v > 1 ? 1 : v);
    }
}
