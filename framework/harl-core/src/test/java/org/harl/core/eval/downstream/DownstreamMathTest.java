package org.harl.core.eval.downstream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.harl.core.eval.downstream.AveragePrecision.Detection;
import org.harl.spi.data.Mask;
import org.junit.jupiter.api.Test;

/** The downstream metrics against values worked out by hand. */
class DownstreamMathTest {

    @Test
    void meanIouOfATinyConfusionMatrix() {
        // rows truth, columns prediction: [[3,1,0],[0,2,2],[1,0,1]]
        ConfusionMatrix m = new ConfusionMatrix(3);
        m.add(0, 0, 3);
        m.add(0, 1, 1);
        m.add(1, 1, 2);
        m.add(1, 2, 2);
        m.add(2, 0, 1);
        m.add(2, 2, 1);
        assertEquals(3.0 / 5, m.iou(0), 1e-12); // 3 / (4 + 4 - 3)
        assertEquals(2.0 / 5, m.iou(1), 1e-12); // 2 / (4 + 3 - 2)
        assertEquals(1.0 / 4, m.iou(2), 1e-12); // 1 / (2 + 3 - 1)
        assertEquals((0.6 + 0.4 + 0.25) / 3, m.meanIou(), 1e-12);
        assertEquals(6.0 / 10, m.pixelAccuracy(), 1e-12);
    }

    @Test
    void aClassAbsentFromTruthAndPredictionIsLeftOutOfTheMean() {
        ConfusionMatrix m = new ConfusionMatrix(3);
        m.add(0, 0, 2);
        m.add(1, 0, 1);
        m.add(1, 1, 1);
        assertTrue(Double.isNaN(m.iou(2)));
        assertEquals((2.0 / 3 + 1.0 / 2) / 2, m.meanIou(), 1e-12);
    }

    @Test
    void boxIou() {
        assertEquals(1.0 / 7, new Box(0, 0, 2, 2).iou(new Box(1, 1, 3, 3)), 1e-12);
        assertEquals(1.0, new Box(1, 2, 4, 5).iou(new Box(1, 2, 4, 5)), 1e-12);
        assertEquals(0.0, new Box(0, 0, 1, 1).iou(new Box(1, 1, 2, 2)), 0); // touching corners
        assertEquals(2.0 / 4, new Box(0, 0, 4, 1).iou(new Box(0, 0, 2, 1)), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> new Box(2, 0, 1, 1));
    }

    @Test
    void boxOfAMaskCoversItsPixelsEdges() {
        float[] d = new float[16];
        d[2 * 4 + 1] = 1; // (1, 2)
        d[2 * 4 + 2] = 0.6f; // (2, 2)
        d[3 * 4 + 2] = 1; // (2, 3)
        d[0] = 0.4f; // below 0.5: background
        assertEquals(new Box(1, 2, 3, 4), Box.of(new Mask(4, 4, d)).orElseThrow());
        assertTrue(Box.of(Mask.filled(3, 3, 0f)).isEmpty());
    }

    @Test
    void apOfAHandBuiltRankedList() {
        // 3 positives; ranked TP, FP, TP, FP: precision 1, 1/2, 2/3, 1/2 at recall 1/3, 1/3, 2/3, 2/3;
        // interpolated: 1 up to recall 1/3, 2/3 up to 2/3, nothing beyond: 1/3 + 1/3 * 2/3 = 5/9
        assertEquals(5.0 / 9, AveragePrecision.ap(new boolean[] {true, false, true, false}, 3), 1e-12);
        // the interpolation lifts the precision of a dip: FP, TP, TP with 2 positives: 1/2 * 2/3 + 1/2 * 2/3
        assertEquals(2.0 / 3, AveragePrecision.ap(new boolean[] {false, true, true}, 2), 1e-12);
        assertEquals(0.0, AveragePrecision.ap(new boolean[0], 2), 0);
    }

    @Test
    void meanAp50RanksByConfidenceAndNeedsClassAndOverlap() {
        Box truth = new Box(0, 0, 4, 4);
        Box good = new Box(0, 0, 4, 3); // IoU 0.75
        Box poor = new Box(2, 2, 6, 6); // IoU 4 / 28
        List<Detection> d = List.of(
                new Detection(0, truth, 0, good, 0.7), // TP for class 0
                new Detection(0, truth, 0, poor, 0.9), // right class, wrong place: FP, ranked first
                new Detection(1, truth, 0, good, 0.8), // wrong class: FP for class 0, a missed object of class 1
                new Detection(1, truth, 1, good, 0.5)); // TP for class 1
        // class 0: ranked FP (0.9), FP (0.8), TP (0.7) with 2 positives: recall 1/2 at precision 1/3
        // class 1: TP with 2 positives: recall 1/2 at precision 1
        assertArrayEquals(new double[] {1.0 / 6, 1.0 / 2, Double.NaN},
                AveragePrecision.perClass(d, 3), 1e-12);
        assertEquals((1.0 / 6 + 1.0 / 2) / 2, AveragePrecision.mean(d, 3), 1e-12);
    }

    @Test
    void balancedSubsetHasExactPerClassCountsFixedBySeed() {
        int[] labels = new int[300];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = (i * 7) % 3; // 100 per class, interleaved
        }
        int[] a = BalancedSubset.select(labels, 0.1, 5);
        assertEquals(30, a.length);
        int[] perClass = new int[3];
        for (int i : a) {
            perClass[labels[i]]++;
        }
        assertArrayEquals(new int[] {10, 10, 10}, perClass);
        assertEquals(30, Arrays.stream(a).distinct().count());
        assertArrayEquals(a, BalancedSubset.select(labels, 0.1, 5), "the seed fixes the subset");
        assertFalse(Arrays.equals(a, BalancedSubset.select(labels, 0.1, 6)), "another seed, another subset");
        assertEquals(3, BalancedSubset.select(labels, 0.001, 5).length, "at least one per class");
        assertEquals(1, BalancedSubset.perClass(1000, 10, 0.01));
        assertEquals(10, BalancedSubset.perClass(1000, 10, 0.1));
        assertEquals(13, BalancedSubset.perClass(1281, 10, 0.1)); // round(12.81)
    }

    @Test
    void balancedSubsetRejectsTooSmallClassesAndUnlabelledSamples() {
        int[] labels = {0, 0, 0, 0, 1};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BalancedSubset.select(labels, 0.8, 0)); // 2 per class, class 1 has 1
        assertTrue(e.getMessage().contains("class 1 has 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BalancedSubset.select(new int[] {0, -1}, 0.5, 0));
        assertThrows(IllegalArgumentException.class, () -> BalancedSubset.select(labels, 0, 0));
    }
}
