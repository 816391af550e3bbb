package org.harl.plugins.datasets.synthetic;

import java.util.SplittableRandom;

/** Random placement of an object on an image, shared by the generated datasets. */
public final class Placement {

    private Placement() {
    }

    /**
     * Centre along one axis for an object of half-extent {@code half}: anywhere that keeps at least 40 % of the
     * half-extent inside the image, so objects may touch or cross the border.
     */
    public static double centre(SplittableRandom rng, double half, int size) {
        double lo = 0.4 * half;
        double hi = size - 0.4 * half;
        return hi <= lo ? size / 2.0 : lo + (hi - lo) * rng.nextDouble();
    }

    /** Uniform in [-amount, amount]. */
    public static double symmetric(SplittableRandom rng, double amount) {
        return (2 * rng.nextDouble() - 1) * amount;
    }
}
