package org.harl.plugins.datasets.synthetic;

import java.util.SplittableRandom;

/**
 * Hues for K classes, spread evenly around the colour wheel and assigned in a seed-dependent order, so classes
 * that share other traits (neighbouring shapes) do not also get neighbouring hues.
 */
public final class ClassHues {

    private ClassHues() {
    }

    /** Hue (turns) of each class; consumes draws from {@code rng}. */
    public static double[] assign(int k, SplittableRandom rng) {
        int[] order = new int[k];
        for (int i = 0; i < k; i++) {
            order[i] = i;
        }
        for (int i = k - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        double offset = rng.nextDouble();
        double[] hues = new double[k];
        for (int i = 0; i < k; i++) {
            hues[i] = offset + (double) order[i] / k;
        }
        return hues;
    }
}
