package org.harl.plugins.masks;

/**
 * Stable ascending order of non-negative edge weights in O(m): three 11-bit radix passes on the float32 bits (which
 * order like the values for non-negative floats), then an insertion sort by the double value inside each run of
 * equal float keys (runs are short), so the result is the exact stable order of the doubles.
 */
final class EdgeSort {

    private static final int BITS = 11;
    private static final int BUCKETS = 1 << BITS;

    private EdgeSort() {
    }

    static int[] order(double[] values) {
        int m = values.length;
        long[] a = new long[m];
        for (int i = 0; i < m; i++) {
            a[i] = ((long) Float.floatToRawIntBits((float) values[i]) << 32) | i;
        }
        a = sort(a, values);
        int[] idx = new int[m];
        for (int i = 0; i < m; i++) {
            idx[i] = (int) a[i];
        }
        return idx;
    }

    /**
     * Sorts keys {@code (float bits of values[s] << 32 | s)} for slots s ≥ 0 so that the slots come out in the
     * stable ascending order of their double values; returns the sorted array (possibly {@code keys} itself).
     * (float bits, slot) pairs make the radix passes read and write sequentially, without indirection.
     */
    static long[] sort(long[] keys, double[] values) {
        long[] a = keys;
        int m = a.length;
        long[] b = new long[m];
        int[] count = new int[BUCKETS + 1];
        for (int shift = 32; shift < 64; shift += BITS) { // 3 passes of 11 bits: counters stay in cache
            java.util.Arrays.fill(count, 0);
            for (int i = 0; i < m; i++) {
                count[(int) ((a[i] >>> shift) & (BUCKETS - 1)) + 1]++;
            }
            for (int i = 0; i < BUCKETS; i++) {
                count[i + 1] += count[i];
            }
            for (int i = 0; i < m; i++) {
                b[count[(int) ((a[i] >>> shift) & (BUCKETS - 1))]++] = a[i];
            }
            long[] t = a;
            a = b;
            b = t;
        }
        int start = 0;
        while (start < m) {
            int end = start + 1;
            long key = a[start] >>> 32;
            while (end < m && (a[end] >>> 32) == key) {
                end++;
            }
            if (end - start > 1) {
                insertionSort(a, start, end, values);
            }
            start = end;
        }
        return a;
    }

    /** Orders a run of equal float keys by the double values of their slots, stably. */
    private static void insertionSort(long[] a, int from, int to, double[] v) {
        for (int i = from + 1; i < to; i++) {
            long x = a[i];
            double vx = v[(int) x];
            int j = i - 1;
            while (j >= from && v[(int) a[j]] > vx) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = x;
        }
    }
}
