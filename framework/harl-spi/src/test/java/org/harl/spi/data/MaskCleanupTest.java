package org.harl.spi.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MaskCleanupTest {

    @Test
    void componentsUnderTheMinimumAreaAreRemoved() {
        float[] d = new float[100]; // 10x10: a single pixel at (0,0), a 3x3 block at (5..7, 5..7)
        d[0] = 1f;
        for (int y = 5; y < 8; y++) {
            for (int x = 5; x < 8; x++) {
                d[y * 10 + x] = 1f;
            }
        }
        Mask cleaned = MaskCleanup.withoutSmallComponents(new Mask(10, 10, d), 0.05);
        assertEquals(0f, cleaned.get(0, 0));
        assertEquals(0.09, cleaned.foregroundFraction(), 1e-9);
        // diagonal neighbours join (8-connectivity): a 5-pixel diagonal line survives a 5-pixel minimum
        float[] diag = new float[100];
        for (int i = 0; i < 5; i++) {
            diag[i * 10 + i] = 1f;
        }
        assertEquals(0.05, MaskCleanup.withoutSmallComponents(new Mask(10, 10, diag), 0.05).foregroundFraction(), 1e-9);
    }

    @Test
    void aMinimumOfOnePixelKeepsEverything() {
        float[] d = {1f, 0f, 0f, 1f};
        assertEquals(0.5, MaskCleanup.withoutSmallComponents(new Mask(2, 2, d), 0.0).foregroundFraction(), 1e-9);
    }
}
