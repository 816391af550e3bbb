package org.harl.plugins.masks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.harl.spi.data.RgbImage;
import org.junit.jupiter.api.Test;

/**
 * {@link Felzenszwalb} keeps its union-find in one array and runs the min-size pass over the edges the merge test
 * rejected only; both are speed-ups that must not change a partition. Checked here against the plain algorithm
 * (separate parent and size arrays, min-size pass over every edge) on scenes and noise at several settings.
 */
class FelzenszwalbPlainTest {

    @Test
    void sameLabelsAsThePlainAlgorithm() {
        int checked = 0;
        for (int seed = 0; seed < 6; seed++) {
            RgbImage scene = seed % 2 == 0 ? SyntheticScenes.scene(seed, 61 + 7 * seed, 53 + 5 * seed).image()
                    : noise(seed, 47 + seed, 39 + 3 * seed);
            for (double sigma : new double[] {0.0, 0.8}) {
                FhGraph g = FhGraph.build(scene, sigma);
                for (double scale : new double[] {20, 100, 600}) {
                    for (int minSize : new int[] {1, 15, 120}) {
                        Segmentation fast = Felzenszwalb.segment(g, scale, minSize);
                        Segmentation plain = plain(g, scale, minSize);
                        assertEquals(plain.count(), fast.count());
                        assertArrayEquals(plain.labels(), fast.labels(),
                                "seed " + seed + ", sigma " + sigma + ", scale " + scale + ", min_size " + minSize);
                        checked++;
                    }
                }
            }
        }
        assertEquals(6 * 2 * 3 * 3, checked);
    }

    private static RgbImage noise(long seed, int w, int h) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        RgbImage im = RgbImage.blank(w, h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < 3; c++) {
                    im.set(c, x, y, (float) (x < w / 2 ? 0.3 * r.nextDouble() : 0.5 + 0.5 * r.nextDouble()));
                }
            }
        }
        return im;
    }

    /** The textbook form, as scikit-image's Cython has it. */
    private static Segmentation plain(FhGraph g, double scale, int minSize) {
        int n = g.width() * g.height();
        double k = scale / 255.0;
        int[] parent = new int[n];
        int[] size = new int[n];
        float[] threshold = new float[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
            size[i] = 1;
            threshold[i] = (float) k;
        }
        for (int e = 0; e < g.edgeCount(); e++) {
            int a = find(parent, g.from(e));
            int b = find(parent, g.to(e));
            if (a != b && g.cost(e) < Math.min(threshold[a], threshold[b])) {
                int r = union(parent, size, a, b);
                threshold[r] = (float) (g.cost(e) + k / size[r]);
            }
        }
        for (int e = 0; e < g.edgeCount(); e++) {
            int a = find(parent, g.from(e));
            int b = find(parent, g.to(e));
            if (a != b && (size[a] < minSize || size[b] < minSize)) {
                union(parent, size, a, b);
            }
        }
        int[] labels = new int[n];
        int[] labelOfRoot = new int[n];
        java.util.Arrays.fill(labelOfRoot, -1);
        int count = 0;
        for (int i = 0; i < n; i++) {
            int r = find(parent, i);
            if (labelOfRoot[r] < 0) {
                labelOfRoot[r] = count++;
            }
            labels[i] = labelOfRoot[r];
        }
        return new Segmentation(g.width(), g.height(), count, labels);
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            i = parent[i];
        }
        return i;
    }

    private static int union(int[] parent, int[] size, int a, int b) {
        if (size[a] < size[b]) {
            int t = a;
            a = b;
            b = t;
        }
        parent[b] = a;
        size[a] += size[b];
        return a;
    }
}
