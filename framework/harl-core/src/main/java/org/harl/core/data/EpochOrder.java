package org.harl.core.data;

import java.util.SplittableRandom;
import org.harl.spi.data.SeedMixer;

/**
 * The sample order of an epoch: a permutation of the split drawn from (seed, epoch). When an epoch needs more
 * samples than the split holds, further passes use further permutations (seed, epoch, pass).
 */
final class EpochOrder {

    private final long seed;
    private final int size;
    private int cachedEpoch = -1;
    private int cachedPass = -1;
    private int[] cached;

    EpochOrder(long seed, long size) {
        if (size <= 0 || size > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("split size must be in [1, 2^31), got " + size);
        }
        this.seed = seed;
        this.size = (int) size;
    }

    /** Dataset index of the sample at {@code position} of {@code epoch}. */
    synchronized long index(int epoch, long position) {
        int pass = (int) (position / size);
        if (epoch != cachedEpoch || pass != cachedPass) {
            cached = permutation(SeedMixer.random(seed, 0x5EED_0DE5L, epoch, pass), size);
            cachedEpoch = epoch;
            cachedPass = pass;
        }
        return cached[(int) (position % size)];
    }

    static int[] permutation(SplittableRandom rng, int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
