package org.harl.core.eval.downstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SegmentationProbeTest {

    /** Random C5 maps (4 channels, 2x2 grid) of 8 px views whose masks cover the left half. */
    private static DenseSplit split(int n, long seed) {
        Random rnd = new Random(seed);
        int channels = 4;
        int grid = 2;
        int side = 8;
        float[] features = new float[n * channels * grid * grid];
        for (int i = 0; i < features.length; i++) {
            features[i] = (float) rnd.nextGaussian();
        }
        int[] labels = new int[n];
        byte[] masks = new byte[n * side * side];
        for (int i = 0; i < n; i++) {
            labels[i] = rnd.nextInt(2);
            for (int p = 0; p < side * side; p++) {
                masks[i * side * side + p] = (byte) (p % side < side / 2 ? 1 : 0);
            }
        }
        return new DenseSplit(n, channels, grid, side, features, labels, masks);
    }

    @Test
    void trainingKeepsNoArraysFromOneBatchToTheNext() {
        try (NDManager parent = NDManager.newBaseManager()) {
            List<Integer> live = new ArrayList<>();
            ConfusionMatrix m = SegmentationProbe.fitAndScore(parent, split(64, 1), split(16, 2), 2,
                    new SegmentationProbe.Options(3, 0.05f, 8, 0), () -> live.add(parent.getManagedArrays().size()));
            assertEquals(24, live.size()); // 3 epochs of 8 batches
            // from the second batch on (Adam's state exists after the first) the count must not move: pixel
            // logits kept per batch grew it by several arrays per batch and ran a 10 000-image evaluation out of memory
            assertEquals(live.get(1), live.get(live.size() - 1), "arrays alive after each batch: " + live);
            assertTrue(m.pixelAccuracy() >= 0 && m.pixelAccuracy() <= 1);
        }
    }
}
