package org.harl.plugins.masks;

import org.harl.spi.data.RgbImage;

/** Development driver (not a test): FH component timings at 224². */
final class FhTimingMain {
    public static void main(String[] args) {
        RgbImage img = SyntheticScenes.scene(5, 224, 224).image();
        for (int rep = 0; rep < 30; rep++) {
            long t0 = System.nanoTime();
            FhGraph g = FhGraph.build(img, 0.8);
            long t1 = System.nanoTime();
            Segmentation s = Felzenszwalb.segment(g, 300, 63);
            long t2 = System.nanoTime();
            PixelFeatures px = new PixelFeatures(g.smoothed(), 224, 224);
            long t3 = System.nanoTime();
            RegionStats bg = RegionFeatures.background(px);
            double[][] f = RegionFeatures.compute(px, bg, s);
            long t4 = System.nanoTime();
            if (rep % 5 == 4) {
                System.out.printf("graph %.2f seg %.2f pixel %.2f region %.2f ms (%d regions)%n", (t1 - t0) / 1e6,
                        (t2 - t1) / 1e6, (t3 - t2) / 1e6, (t4 - t3) / 1e6, f.length);
            }
        }
    }
}
