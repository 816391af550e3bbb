package org.harl.core.masks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.harl.spi.data.Mask;
import org.junit.jupiter.api.Test;

class MaskMetricsTest {

    private static Mask m(float... v) {
        return new Mask(v.length, 1, v);
    }

    @Test
    void iouAndMaeOnTinyMasks() {
        Mask gt = m(1, 1, 0, 0);
        Mask pred = m(1, 0, 1, 0);
        assertEquals(1.0 / 3, MaskMetrics.iou(pred, gt), 1e-12);
        assertEquals(0.5, MaskMetrics.mae(pred, gt), 1e-12);
        assertEquals(1.0, MaskMetrics.iou(m(0, 0), m(0, 0)), 1e-12);
        assertEquals(0.125, MaskMetrics.mae(m(0.5f, 1, 0, 0), gt), 1e-6);
    }

    @Test
    void fBetaWeighsPrecision() {
        // P = 1, R = 0.5: 1.3 * 0.5 / (0.3 + 0.5)
        assertEquals(1.3 * 0.5 / 0.8, MaskMetrics.fBeta(1, 0.5), 1e-12);
        assertEquals(0, MaskMetrics.fBeta(0, 0));
    }

    @Test
    void maxAndAdaptiveFOnASoftMap() {
        MaskMetrics acc = new MaskMetrics();
        // gt foreground = first two pixels; the map ranks them first, so some threshold separates perfectly
        acc.add(m(0.9f, 0.8f, 0.2f, 0.0f), m(1, 1, 0, 0));
        MaskMetrics.Summary s = acc.summary();
        assertEquals(1, s.images());
        assertEquals(1.0, s.maxF(), 1e-12);
        // adaptive T = 2 * mean = 0.95: nothing predicted -> F = 0
        assertEquals(0.0, s.adaptiveF(), 1e-12);
        assertEquals((0.1 + 0.2 + 0.2) / 4, s.mae(), 1e-6);
        assertEquals(1.0, s.iou(), 1e-12);
    }

    @Test
    void adaptiveFOnABinaryMaskAndMerging() {
        MaskMetrics a = new MaskMetrics();
        a.add(m(1, 0, 1, 0), m(1, 1, 0, 0)); // P = 0.5, R = 0.5 at T = 2 * 0.5 = 1
        MaskMetrics b = new MaskMetrics();
        b.add(m(1, 1, 0, 0), m(1, 1, 0, 0)); // perfect
        a.merge(b);
        MaskMetrics.Summary s = a.summary();
        assertEquals(2, s.images());
        assertEquals((0.5 + 1.0) / 2, s.adaptiveF(), 1e-12);
        assertEquals((1.0 / 3 + 1.0) / 2, s.iou(), 1e-12);
        assertEquals((0.5 + 0) / 2, s.mae(), 1e-12);
        // the curve at t >= 1/255: mean P = 0.75, mean R = 0.75 -> F = 0.75
        assertEquals(0.75, s.maxF(), 1e-12);
    }

    @Test
    void sizeMismatchIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> MaskMetrics.iou(m(1, 0), m(1, 0, 0)));
        assertEquals(Double.NaN, new MaskMetrics().summary().iou());
    }
}
