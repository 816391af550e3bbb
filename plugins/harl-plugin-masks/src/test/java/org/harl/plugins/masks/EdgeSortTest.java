package org.harl.plugins.masks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EdgeSortTest {

    /** The reference: indices stably sorted by value. */
    private static int[] stableOrder(double[] v) {
        return Arrays.stream(boxedIndices(v.length)).sorted(Comparator.comparingDouble(i -> v[i]))
                .mapToInt(Integer::intValue).toArray();
    }

    private static Integer[] boxedIndices(int n) {
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        return idx;
    }

    /**
     * Weights as FH produces them (RGB distances in [0, √3]), with exact ties, zeros, and distinct doubles that round
     * to the same float (ordered by the insertion sort inside equal float keys).
     */
    @Test
    void ordersFhWeightsStablyByTheirDoubleValue() {
        Random rnd = new Random(3);
        double[] v = new double[50_000];
        for (int i = 0; i < v.length; i++) {
            v[i] = switch (i % 4) {
                case 0 -> 0.0;
                case 1 -> Math.sqrt(3) * rnd.nextDouble();
                case 2 -> 0.25 + rnd.nextInt(8) * 1e-12; // same float, different doubles
                default -> rnd.nextInt(20) / 64.0; // exact ties
            };
        }
        assertArrayEquals(stableOrder(v), EdgeSort.order(v));
    }

    /** Any non-negative weights: the radix passes cover all 32 float bits. */
    @Test
    void ordersLargeWeightsWithTheFullKey() {
        Random rnd = new Random(5);
        double[] v = new double[20_000];
        for (int i = 0; i < v.length; i++) {
            v[i] = i % 3 == 0 ? 1e6 * rnd.nextDouble() : i % 3 == 1 ? 2.0 + rnd.nextInt(50) : rnd.nextDouble();
        }
        assertArrayEquals(stableOrder(v), EdgeSort.order(v));
    }
}
