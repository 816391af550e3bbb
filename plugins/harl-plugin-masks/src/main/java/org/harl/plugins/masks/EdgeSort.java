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
        // (float bits << 32 | index): the radix passes read and write sequentially, no indirection
        long[] a = new long[m];
        for (int i = 0; i < m; i++) {
            a[i] = ((long) Float.floatToRawIntBits((float) values[i]) << 32) | i;
        }
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
        int[] idx = new int[m];
        for (int i = 0; i < m; i++) {
            idx[i] = (int) a[i];
        }
        int start = 0;
        while (start < m) {
            int end = start + 1;
            long key = a[start] >>> 32;
            while (end < m && (a[end] >>> 32) == key) {
                end++;
            }
            if (end - start > 1) {
                insertionSort(idx, start, end, values);
            }
            start = end;
        }
        return idx;
    }

    private static void insertionSort(int[] idx, int from, int to, double[] v) {
        for (int i = from + 1; i < to; i++) {
            int x = idx[i];
            int j = i - 1;
            while (j >= from && v[idx[j]] > v[x]) {
                idx[j + 1] = idx[j];
                j--;
            }
            idx[j + 1] = x;
        }
    }
}
