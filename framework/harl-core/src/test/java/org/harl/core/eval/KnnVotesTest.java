package org.harl.core.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class KnnVotesTest {

    private final float[][] bank = {{1, 0}, {3, 4}, {0, 1}, {0, 2}};
    private final int[] labels = {0, 1, 2, 2};

    @Test
    void votesSumExpSimilarityOverTheKNearest() {
        KnnClassifier knn = new KnnClassifier(bank, labels, 3, 2, 0.5);
        // query (1, 0): cosine 1 with class 0, 0.6 with class 1, 0 with both class-2 rows (not among the 2 nearest)
        double[] votes = knn.votes(new float[] {2, 0});
        assertArrayEquals(new double[] {Math.exp(1 / 0.5), Math.exp(0.6 / 0.5), 0}, votes, 1e-6);
        assertEquals(0, knn.predict(new float[] {2, 0}));
        // query (0, 1): both class-2 rows are nearest (cosine 1), outvoting class 1 (0.8)
        assertEquals(2, knn.predict(new float[] {0, 5}));
    }

    @Test
    void topFiveFromVotesCountsTheSecondChoice() {
        FeatureSet bankSet = new FeatureSet(4, 2, new float[] {1, 0, 3, 4, 0, 1, 0, 2}, labels);
        FeatureSet test = new FeatureSet(2, 2, new float[] {1, 0.1f, 0, 1}, new int[] {1, 2});
        double[] acc = KnnEvaluation.top1Top5(bankSet, test, 2, 0.5);
        assertEquals(0.5, acc[0], 1e-12); // (1, 0.1) is predicted 0, truth 1; (0, 1) is right
        assertEquals(1.0, acc[1], 1e-12); // class 1 is the second choice of the first query
    }
}
