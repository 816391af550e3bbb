package org.harl.plugins.masks;

import java.util.List;
import org.harl.spi.data.RgbImage;

/**
 * DRFI saliency: per level, the forest scores every region; scores are min-max normalised, mapped by
 * exp(1.25·s), normalised again and painted onto the pixels; levels are averaged with uniform weights and the map
 * min-max scaled to [0, 1] (drfi_matlab {@code drfiGetSaliencyMap.m}).
 */
public final class DrfiSaliency {

    /** A saliency map in [0, 1] (row-major) and where the time went (thread CPU time, {@link CpuClock}). */
    public record Result(float[] map, long segmentNanos, long featureNanos, long forestNanos) {
    }

    private final DrfiConfig config;
    private final RegressionForest forest;

    public DrfiSaliency(DrfiConfig config, RegressionForest forest) {
        if (forest.dimension() != RegionFeatures.DIM) {
            throw new IllegalArgumentException("the DRFI forest expects " + forest.dimension()
                    + " features but this version computes " + RegionFeatures.DIM + "; retrain with 'harl masks train-drfi'");
        }
        this.config = config;
        this.forest = forest;
    }

    public Result compute(RgbImage image) {
        DrfiAnalysis a = DrfiAnalysis.of(image, config);
        long t0 = CpuClock.nanos();
        float[] map = map(a, forest, image.pixels());
        return new Result(map, a.segmentNanos(), a.featureNanos(), CpuClock.nanos() - t0);
    }

    /** The fused map of an analysed image of {@code n} pixels under {@code forest} (also used by self-training). */
    static float[] map(DrfiAnalysis a, RegressionForest forest, int n) {
        double[] sum = new double[n];
        List<Segmentation> levels = a.levels();
        for (int l = 0; l < levels.size(); l++) {
            double[][] f = a.features().get(l);
            double[] s = new double[f.length];
            for (int r = 0; r < f.length; r++) {
                s[r] = forest.predict(f[r]);
            }
            normalise(s);
            for (int r = 0; r < s.length; r++) {
                s[r] = Math.exp(1.25 * s[r]);
            }
            normalise(s);
            int[] labels = levels.get(l).labels();
            for (int i = 0; i < n; i++) {
                sum[i] += s[labels[i]];
            }
        }
        normalise(sum);
        float[] map = new float[n];
        for (int i = 0; i < n; i++) {
            map[i] = (float) sum[i];
        }
        return map;
    }

    /** Min-max to [0, 1]; a constant vector becomes all zeros. */
    static void normalise(double[] v) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        double range = max - min;
        for (int i = 0; i < v.length; i++) {
            v[i] = range > 0 ? (v[i] - min) / range : 0;
        }
    }
}
