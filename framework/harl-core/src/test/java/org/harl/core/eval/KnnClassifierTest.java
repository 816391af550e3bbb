package org.harl.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class KnnClassifierTest {

    private static final float[][] BANK = {{1, 0}, {0.9f, 0.1f}, {0, 1}, {0.1f, 0.9f}, {-1, 0}};
    private static final int[] LABELS = {0, 0, 1, 1, 2};

    @Test
    void nearestNeighboursVote() {
        KnnClassifier knn = new KnnClassifier(BANK, LABELS, 3, 2, 0.07);
        assertEquals(0, knn.predict(new float[] {5, 1}));     // scale does not matter (cosine)
        assertEquals(1, knn.predict(new float[] {0.2f, 3}));
        assertEquals(2, knn.predict(new float[] {-2, 0.1f}));
        assertEquals(2.0 / 3, knn.accuracy(new float[][] {{1, 0}, {0, 1}, {0, 1}}, new int[] {0, 1, 0}), 1e-12);
    }

    @Test
    void temperatureWeightsCloserNeighboursMore() {
        // query at 45 degrees between class 0 (one exact-ish match) and class 1 (two farther ones)
        float[][] bank = {{1, 0.8f}, {0, 1}, {0.05f, 1}};
        int[] labels = {0, 1, 1};
        float[] q = {1, 1};
        // cos: 0.994, 0.707, 0.742 -> sharp votes (T = 0.07) favour class 0, flat ones (T = 100) the majority
        assertEquals(0, new KnnClassifier(bank, labels, 2, 3, 0.07).predict(q));
        assertEquals(1, new KnnClassifier(bank, labels, 2, 3, 100).predict(q));
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> new KnnClassifier(new float[0][], new int[0], 2, 1, 0.1));
        assertThrows(IllegalArgumentException.class, () -> new KnnClassifier(BANK, new int[] {0, 0, 1, 1, 5}, 3, 1,
                0.1));
    }
}
