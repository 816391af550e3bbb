package org.harl.plugins.masks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.harl.spi.data.RgbImage;

/**
 * The label-free part of DRFI for one image: its FH levels (one graph per distinct σ) and every region's feature
 * vector. Shared by prediction ({@link DrfiSaliency}) and forest training ({@link DrfiTraining}).
 *
 * @param levels        the segmentation of each configured level
 * @param features      per level, one {@link RegionFeatures#DIM}-vector per region
 * @param segmentNanos  time spent smoothing, sorting and segmenting
 * @param featureNanos  time spent on pixel and region features
 */
record DrfiAnalysis(List<Segmentation> levels, List<double[][]> features, long segmentNanos, long featureNanos) {

    static DrfiAnalysis of(RgbImage image, DrfiConfig config) {
        long t0 = CpuClock.nanos();
        Map<Double, FhGraph> graphs = new LinkedHashMap<>();
        List<Segmentation> levels = new ArrayList<>();
        for (DrfiLevel level : config.levels()) {
            FhGraph g = graphs.computeIfAbsent(level.sigma(), s -> FhGraph.build(image, s));
            levels.add(Felzenszwalb.segment(g, level.scale(), config.minSizeFor(level, image.pixels())));
        }
        long t1 = CpuClock.nanos();
        double minSigma = graphs.keySet().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        FhGraph least = graphs.get(minSigma);
        PixelFeatures px = new PixelFeatures(least.smoothed(), image.width(), image.height());
        RegionStats background = RegionFeatures.background(px);
        List<double[][]> features = new ArrayList<>(levels.size());
        for (Segmentation s : levels) {
            features.add(RegionFeatures.compute(px, background, s));
        }
        long t2 = CpuClock.nanos();
        return new DrfiAnalysis(levels, features, t1 - t0, t2 - t1);
    }
}
