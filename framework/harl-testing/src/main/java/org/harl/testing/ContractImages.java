package org.harl.testing;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.harl.spi.data.Mask;
import org.harl.spi.data.RgbImage;
import org.harl.spi.data.Sample;

/** Small synthetic samples with exact object masks, shared by the contract tests. */
public final class ContractImages {

    private ContractImages() {
    }

    /**
     * Four samples: a bright disc on a dark noisy background (48x32, not square so swapped width and height
     * show), an off-centre dark square on a light gradient (23x17, odd sizes), pure noise (16x16), and a second
     * 48x32 image with other content (a scratch buffer shared between calls of the same image size shows only
     * when two threads work on different images of one size at once).
     */
    public static List<Sample> samples() {
        return List.of(disc(48, 32, 7), square(23, 17, 11), noise(16, 16, 13), square(48, 32, 17));
    }

    /**
     * A uniform mid-grey 24x16 image (every pixel and channel 0.5) whose ground truth is all background: a
     * proposer that normalises by the image's contrast or spread divides by zero here.
     */
    public static Sample uniform() {
        int w = 24;
        int h = 16;
        float[] d = new float[3 * w * h];
        Arrays.fill(d, 0.5f);
        return new Sample("contract/uniform_" + w + "x" + h, new RgbImage(w, h, d), Optional.of(Mask.filled(w, h, 0f)),
                -1);
    }

    /** A 1x1 image (mid grey) with a 1x1 foreground ground truth. */
    public static Sample onePixel() {
        RgbImage im = new RgbImage(1, 1, new float[] {0.5f, 0.5f, 0.5f});
        return new Sample("contract/one_pixel", im, Optional.of(Mask.filled(1, 1, 1f)), -1);
    }

    /** A disc of radius h/3 at the centre, colour (0.9, 0.8, 0.2) over dark noise. */
    public static Sample disc(int w, int h, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        RgbImage im = RgbImage.blank(w, h);
        float[] gt = new float[w * h];
        double rad = h / 3.0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean in = Math.hypot(x + 0.5 - w / 2.0, y + 0.5 - h / 2.0) <= rad;
                gt[y * w + x] = in ? 1f : 0f;
                float[] c = in ? new float[] {0.9f, 0.8f, 0.2f} : new float[] {0.15f, 0.2f, 0.25f};
                for (int ch = 0; ch < 3; ch++) {
                    im.set(ch, x, y, clamp(c[ch] + (float) (r.nextDouble() - 0.5) * 0.1f));
                }
            }
        }
        return new Sample("contract/disc_" + w + "x" + h, im, Optional.of(new Mask(w, h, gt)), 0);
    }

    private static Sample square(int w, int h, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        RgbImage im = RgbImage.blank(w, h);
        float[] gt = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean in = x >= w / 4 && x < w / 4 + 9 && y >= 3 && y < 12;
                gt[y * w + x] = in ? 1f : 0f;
                float base = in ? 0.1f : 0.6f + 0.3f * x / w;
                for (int ch = 0; ch < 3; ch++) {
                    im.set(ch, x, y, clamp(base + (float) (r.nextDouble() - 0.5) * 0.05f));
                }
            }
        }
        return new Sample("contract/square_" + w + "x" + h, im, Optional.of(new Mask(w, h, gt)), 1);
    }

    private static Sample noise(int w, int h, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] d = new float[3 * w * h];
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) r.nextDouble();
        }
        float[] gt = new float[w * h];
        for (int i = 0; i < gt.length; i++) {
            gt[i] = r.nextBoolean() ? 1f : 0f;
        }
        return new Sample("contract/noise_" + w + "x" + h, new RgbImage(w, h, d), Optional.of(new Mask(w, h, gt)), 2);
    }

    private static float clamp(float v) {
        return Math.max(0f, Math.min(1f, v));
    }
}
