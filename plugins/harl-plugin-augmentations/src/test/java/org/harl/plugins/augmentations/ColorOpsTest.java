package org.harl.plugins.augmentations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ColorOpsTest {

    @Test
    void hueRotatesRedToGreenAndLeavesGreyAlone() {
        float[] d = {1f, 0.5f, 0f, 0.5f, 0f, 0.5f}; // pixel 0 red, pixel 1 grey (planar R, G, B with n = 2)
        ColorOps.hue(d, 2, 1.0 / 3);
        assertEquals(0f, d[0], 1e-6);
        assertEquals(1f, d[2], 1e-6);
        assertEquals(0f, d[4], 1e-6);
        assertEquals(0.5f, d[1], 1e-6);
        assertEquals(0.5f, d[3], 1e-6);
        assertEquals(0.5f, d[5], 1e-6);
    }

    @Test
    void grayscaleSaturationAndSolarize() {
        float[] d = {1f, 0f, 0f};
        ColorOps.grayscale(d, 1);
        assertEquals(0.299f, d[0], 1e-6);
        assertEquals(0.299f, d[2], 1e-6);
        float[] s = {1f, 0f, 0f};
        ColorOps.saturation(s, 1, 0);
        assertEquals(0.299f, s[1], 1e-6);
        float[] z = {0.2f, 0.6f, 0.5f};
        ColorOps.solarize(z, 0.5);
        assertEquals(0.2f, z[0], 1e-6);
        assertEquals(0.4f, z[1], 1e-6);
        assertEquals(0.5f, z[2], 1e-6);
    }

    @Test
    void contrastZeroGivesTheMeanGrey() {
        float[] d = {0f, 1f, 0f, 1f, 0f, 1f};
        ColorOps.contrast(d, 2, 0);
        for (float v : d) {
            assertEquals(0.5f, v, 1e-6);
        }
    }

    @Test
    void blurPreservesAConstantAndSpreadsAPeak() {
        float[] c = new float[3 * 25];
        java.util.Arrays.fill(c, 0.3f);
        GaussianBlur.apply(c, 5, 5, 3, 1.5);
        for (float v : c) {
            assertEquals(0.3f, v, 1e-5);
        }
        float[] p = new float[49];
        p[24] = 1f;
        GaussianBlur.apply(p, 7, 7, 1, 1.0);
        assertEquals(1f, sum(p), 1e-4);
        assertEquals(p[23], p[25], 1e-7);
        assertEquals(true, p[24] < 0.5f && p[23] > 0.05f);
    }

    private static float sum(float[] a) {
        float s = 0;
        for (float v : a) {
            s += v;
        }
        return s;
    }
}
