package org.harl.core.eval.downstream;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Class-balanced labelled subsets for semi-supervised evaluation: the same number of samples from every class,
 * {@code max(1, round(fraction * N / C))}, drawn without replacement by a seeded shuffle of each class's indices, so
 * a seed always selects the same subset of the same split.
 */
public final class BalancedSubset {

    private BalancedSubset() {
    }

    /** Samples per class for a split of {@code size} samples in {@code classes} classes. */
    public static int perClass(int size, int classes, double fraction) {
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("label fraction must be in (0, 1], got " + fraction);
        }
        return (int) Math.max(1, Math.round(fraction * size / classes));
    }

    /**
     * Indices (ascending) of the subset.
     *
     * @param labels class of every sample of the split (all >= 0)
     */
    public static int[] select(int[] labels, double fraction, long seed) {
        TreeMap<Integer, List<Integer>> byClass = new TreeMap<>();
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0) {
                throw new IllegalArgumentException("sample " + i + " is unlabelled: semi-supervised evaluation "
                        + "needs a labelled training split");
            }
            byClass.computeIfAbsent(labels[i], c -> new ArrayList<>()).add(i);
        }
        if (byClass.isEmpty()) {
            throw new IllegalArgumentException("the training split is empty");
        }
        int k = perClass(labels.length, byClass.size(), fraction);
        int[] out = new int[k * byClass.size()];
        int next = 0;
        for (var e : byClass.entrySet()) {
            List<Integer> members = e.getValue();
            if (members.size() < k) {
                throw new IllegalArgumentException("class " + e.getKey() + " has " + members.size()
                        + " training samples, fewer than the " + k + " per class that fraction " + fraction
                        + " asks for");
            }
            int[] idx = members.stream().mapToInt(Integer::intValue).toArray();
            // each class has its own stream, so adding samples of one class never changes another's pick
            SplittableRandom rng = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (e.getKey() + 1L)));
            for (int i = 0; i < k; i++) { // partial Fisher-Yates: the first k positions are the sample
                int j = i + rng.nextInt(idx.length - i);
                int t = idx[i];
                idx[i] = idx[j];
                idx[j] = t;
            }
            System.arraycopy(idx, 0, out, next, k);
            next += k;
        }
        Arrays.sort(out);
        return out;
    }
}
