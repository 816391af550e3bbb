package org.harl.core.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Random;
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

    @Test
    void votesEqualThoseOfAStableSortOfTheWholeBankTiesIncluded() {
        Random rnd = new Random(7);
        // few distinct values, so many bank rows tie with each other and with the k-th neighbour
        float[][] bank = new float[400][6];
        int[] labels = new int[bank.length];
        for (int i = 0; i < bank.length; i++) {
            for (int j = 0; j < 6; j++) {
                bank[i][j] = rnd.nextInt(3) - 1;
            }
            bank[i][0] += 0.5f;
            labels[i] = rnd.nextInt(4);
        }
        for (int k : new int[] {1, 5, 20, 400}) {
            KnnClassifier knn = new KnnClassifier(bank, labels, 4, k, 0.07);
            for (int t = 0; t < 50; t++) {
                float[] q = bank[rnd.nextInt(bank.length)].clone();
                q[rnd.nextInt(6)] += rnd.nextInt(2);
                assertArrayEquals(sortedVotes(bank, labels, 4, k, 0.07, q), knn.votes(q), "k=" + k + " query " + t);
            }
        }
    }

    /** The definition: sort every bank row by similarity (stable, most similar first), sum the first k votes. */
    private static double[] sortedVotes(float[][] bank, int[] labels, int classes, int k, double temp, float[] query) {
        float[] q = KnnClassifier.normalized(query);
        double[] sims = new double[bank.length];
        for (int i = 0; i < bank.length; i++) {
            float[] b = KnnClassifier.normalized(bank[i]);
            double s = 0;
            for (int j = 0; j < q.length; j++) {
                s += q[j] * b[j];
            }
            sims[i] = s;
        }
        Integer[] order = new Integer[bank.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Double.compare(sims[b], sims[a]));
        double[] votes = new double[classes];
        for (int n = 0; n < k; n++) {
            votes[labels[order[n]]] += Math.exp(sims[order[n]] / temp);
        }
        return votes;
    }
}
