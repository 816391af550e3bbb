package org.harl.plugins.masks;

/**
 * Stable ascending order of non-negative edge weights in O(m): two 16-bit radix passes on the float32 bits (which
 * order like the values for non-negative floats), then an insertion sort by the double value inside each run of
 * equal float keys (runs are short), so the result is the exact stable order of the doubles.
 */
final class EdgeSort {

    private EdgeSort() {
    }

    static int[] order(double[] values) {
        int m = values.length;
        int[] keys = new int[m];
        for (int i = 0; i < m; i++) {
            keys[i] = Float.floatToRawIntBits((float) values[i]);
        }
        int[] idx = new int[m];
        for (int i = 0; i < m; i++) {
            idx[i] = i;
        }
        int[] tmp = new int[m];
        int[] count = new int[65537];
        for (int shift = 0; shift < 32; shift += 16) {
            java.util.Arrays.fill(count, 0);
            for (int i = 0; i < m; i++) {
                count[((keys[idx[i]] >>> shift) & 0xFFFF) + 1]++;
            }
            for (int i = 0; i < 65536; i++) {
                count[i + 1] += count[i];
            }
            for (int i = 0; i < m; i++) {
                int o = idx[i];
                tmp[count[(keys[o] >>> shift) & 0xFFFF]++] = o;
            }
            int[] t = idx;
            idx = tmp;
            tmp = t;
        }
        int start = 0;
        while (start < m) {
            int end = start + 1;
            while (end < m && keys[idx[end]] == keys[idx[start]]) {
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
