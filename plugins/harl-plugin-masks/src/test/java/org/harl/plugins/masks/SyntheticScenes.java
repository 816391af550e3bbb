package org.harl.plugins.masks;

import java.util.SplittableRandom;
import org.harl.spi.data.Mask;
import org.harl.spi.data.RgbImage;
import org.harl.spi.data.Sample;
import java.util.Optional;

/**
 * A tiny generator of composites with exact masks for tests (the real synthetic_objects dataset lives in the
 * datasets plugin): a smooth two-colour gradient background with blotches, and one star-convex object of its own
 * colour and texture, 5–50% of the area, centre-biased but sometimes touching the border.
 */
final class SyntheticScenes {

    private SyntheticScenes() {
    }

    static Sample scene(long seed, int w, int h) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] c0 = colour(rnd);
        float[] c1 = colour(rnd);
        float[] fg = colour(rnd);
        float[] fg2 = colour(rnd);
        RgbImage img = RgbImage.blank(w, h);
        float[] mask = new float[w * h];
        double angle = rnd.nextDouble() * Math.PI;
        // background blotches
        int blotches = 3 + rnd.nextInt(5);
        double[][] bl = new double[blotches][];
        for (int b = 0; b < blotches; b++) {
            bl[b] = new double[] {rnd.nextDouble() * w, rnd.nextDouble() * h, (0.05 + 0.15 * rnd.nextDouble()) * w,
                rnd.nextDouble() * 0.3 - 0.15};
        }
        double area = 0.05 + 0.45 * rnd.nextDouble();
        double radius = Math.sqrt(area * w * h / Math.PI);
        double cx = w / 2.0 + (rnd.nextDouble() - 0.5) * w * (rnd.nextDouble() < 0.2 ? 0.9 : 0.4);
        double cy = h / 2.0 + (rnd.nextDouble() - 0.5) * h * (rnd.nextDouble() < 0.2 ? 0.9 : 0.4);
        int lobes = 2 + rnd.nextInt(5);
        double amp = 0.1 + 0.3 * rnd.nextDouble();
        double phase = rnd.nextDouble() * 6.28;
        double stripe = 4 + rnd.nextInt(12);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double t = ((x - w / 2.0) * Math.cos(angle) + (y - h / 2.0) * Math.sin(angle)) / Math.max(w, h) + 0.5;
                double shade = 0;
                for (double[] b : bl) {
                    double d2 = ((x - b[0]) * (x - b[0]) + (y - b[1]) * (y - b[1])) / (b[2] * b[2]);
                    shade += b[3] * Math.exp(-d2);
                }
                double dx = x - cx;
                double dy = y - cy;
                double r = Math.sqrt(dx * dx + dy * dy);
                double a = Math.atan2(dy, dx);
                boolean inside = r <= radius * (1 + amp * Math.sin(lobes * a + phase));
                int i = y * w + x;
                for (int c = 0; c < 3; c++) {
                    double v;
                    if (inside) {
                        double s = 0.5 + 0.5 * Math.sin((x + y) / stripe);
                        v = fg[c] * (1 - 0.3 * s) + fg2[c] * 0.3 * s;
                    } else {
                        v = c0[c] * (1 - t) + c1[c] * t + shade;
                    }
                    v += (rnd.nextDouble() - 0.5) * 0.06;
                    img.set(c, x, y, (float) Math.max(0, Math.min(1, v)));
                }
                mask[i] = inside ? 1f : 0f;
            }
        }
        return new Sample("scene/" + seed, img, Optional.of(new Mask(w, h, mask)), -1);
    }

    private static float[] colour(SplittableRandom rnd) {
        return new float[] {(float) rnd.nextDouble(), (float) rnd.nextDouble(), (float) rnd.nextDouble()};
    }
}
