package org.harl.spi.data;

import java.util.SplittableRandom;

/**
 * Derives independent random streams from a seed and a path of integers (epoch, index...) with the SplitMix64
 * finaliser, so that a stream depends only on its coordinates, never on the order in which streams are created.
 */
public final class SeedMixer {

    private SeedMixer() {
    }

    /** A well-mixed 64-bit value of the seed and the parts. */
    public static long mix(long seed, long... parts) {
        long h = finalise(seed ^ 0x9E3779B97F4A7C15L);
        for (long p : parts) {
            h = finalise(h ^ finalise(p + 0x632BE59BD9B4E019L));
        }
        return h;
    }

    /** A random stream for the coordinates. */
    public static SplittableRandom random(long seed, long... parts) {
        return new SplittableRandom(mix(seed, parts));
    }

    private static long finalise(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
