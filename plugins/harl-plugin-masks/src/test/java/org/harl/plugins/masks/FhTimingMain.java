package org.harl.plugins.masks;

import org.harl.spi.data.RgbImage;

/** Development driver (not a test): FH component timings at 224². */
final class FhTimingMain {
    public static void main(String[] args) {
        RgbImage img = SyntheticScenes.scene(5, 224, 224).image();
        int n = 224 * 224;
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            p[i] = img.data()[i];
        }
        double[] costs = new double[4 * n];
        java.util.Random r = new java.util.Random(1);
        for (int i = 0; i < costs.length; i++) {
            costs[i] = r.nextDouble() * 0.3;
        }
        for (int rep = 0; rep < 40; rep++) {
            long t0 = CpuClock.nanos();
            for (int c = 0; c < 3; c++) {
                GaussianSmoothing.smooth(p, 224, 224, 0.8);
            }
            long t1 = CpuClock.nanos();
            EdgeSort.order(costs);
            long t2 = CpuClock.nanos();
            FhGraph g = FhGraph.build(img, 0.8);
            long t3 = CpuClock.nanos();
            Segmentation s = Felzenszwalb.segment(g, 300, 63);
            long t4 = CpuClock.nanos();
            PixelFeatures px = new PixelFeatures(g.smoothed(), 224, 224);
            long t5 = CpuClock.nanos();
            RegionStats bg = RegionFeatures.background(px);
            double[][] f = RegionFeatures.compute(px, bg, s);
            long t6 = CpuClock.nanos();
            if (rep % 10 == 9) {
                System.out.printf("gauss3 %.2f sort %.2f graph %.2f seg %.2f pixel %.2f region %.2f ms (%d regions)%n",
                        (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6, (t4 - t3) / 1e6, (t5 - t4) / 1e6,
                        (t6 - t5) / 1e6, f.length);
            }
        }
    }
}
