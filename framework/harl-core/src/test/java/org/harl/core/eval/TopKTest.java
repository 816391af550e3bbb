package org.harl.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TopKTest {

    // 3 samples, 4 classes. Sample 0: label 2 ranked 1st. Sample 1: label 0 ranked 3rd. Sample 2: label 3 ranked 2nd.
    private static final float[] SCORES = {
        0.1f, 0.2f, 0.9f, 0.0f,
        0.2f, 0.5f, 0.1f, 0.9f,
        0.8f, 0.1f, 0.0f, 0.3f,
    };
    private static final int[] LABELS = {2, 0, 3};

    @Test
    void countsRowsWhoseLabelIsAmongTheKBest() {
        assertEquals(1 / 3.0, TopK.accuracy(SCORES, 4, LABELS, 1), 1e-12);
        assertEquals(2 / 3.0, TopK.accuracy(SCORES, 4, LABELS, 2), 1e-12);
        assertEquals(1.0, TopK.accuracy(SCORES, 4, LABELS, 3), 1e-12);
    }

    @Test
    void unknownLabelsCountAsWrong() {
        assertEquals(0.0, TopK.accuracy(new float[] {1f, 0f}, 2, new int[] {5}, 2), 0);
    }

    @Test
    void rejectsMismatchedShapes() {
        assertThrows(IllegalArgumentException.class, () -> TopK.accuracy(SCORES, 5, LABELS, 1));
        assertThrows(IllegalArgumentException.class, () -> TopK.accuracy(SCORES, 4, LABELS, 0));
    }
}
