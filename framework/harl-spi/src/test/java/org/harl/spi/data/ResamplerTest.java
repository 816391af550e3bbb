package org.harl.spi.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ResamplerTest {

    @Test
    void sameSizeIsTheIdentity() {
        float[] d = new float[3 * 12];
        for (int i = 0; i < d.length; i++) {
            d[i] = i / 36f;
        }
        assertArrayEquals(d, Resampler.resize(4, 3, 4, 3).apply(new RgbImage(4, 3, d)).data(), 1e-6f);
    }

    @Test
    void halvingAveragesAreasSoACheckerboardTurnsGrey() {
        float[] m = new float[64];
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                m[y * 8 + x] = (x + y) % 2;
            }
        }
        Mask out = Resampler.resize(8, 8, 4, 4).apply(new Mask(8, 8, m));
        for (float v : out.data()) {
            assertEquals(0.5f, v, 0.13f);
        }
        assertEquals(0.5, out.foregroundFraction(), 0.02);
    }

    @Test
    void cropAndFlipSelectTheRegion() {
        float[] m = new float[16];
        for (int i = 0; i < 16; i++) {
            m[i] = i;
        }
        Mask out = new Resampler(4, 4, 2, 1, 2, 2, 2, 2, true, false).apply(new Mask(4, 4, m));
        assertArrayEquals(new float[] {7, 6, 11, 10}, out.data(), 1e-6f);
        Mask up = new Resampler(4, 4, 0, 0, 4, 4, 4, 4, false, true).apply(new Mask(4, 4, m));
        assertEquals(12f, up.get(0, 0), 1e-6);
    }
}
