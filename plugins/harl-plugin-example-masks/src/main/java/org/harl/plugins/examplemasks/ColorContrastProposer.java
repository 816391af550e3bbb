package org.harl.plugins.examplemasks;

import org.harl.spi.ComponentFactory;
import org.harl.spi.ComponentKind;
import org.harl.spi.data.Mask;
import org.harl.spi.data.RgbImage;
import org.harl.spi.data.Sample;
import org.harl.spi.mask.MaskProposer;

/**
 * Foreground = pixels whose colour lies far from the mean colour of the image border (objects rarely touch the
 * border, so the border approximates the background). Stateless, hence thread-safe and deterministic.
 */
public final class ColorContrastProposer implements MaskProposer {

    /** Registers {@code color_contrast} as a mask proposer. */
    public static final ComponentFactory<ColorContrastConfig, MaskProposer> FACTORY = ComponentFactory.of(
            ComponentKind.MASK_PROPOSER, "color_contrast",
            "example plugin: pixels whose colour differs most from the image border's mean colour",
            ColorContrastConfig.class, new ColorContrastConfig(0.05, ContrastThreshold.OTSU, false),
            (config, context) -> new ColorContrastProposer(config));

    private final ColorContrastConfig config;

    public ColorContrastProposer(ColorContrastConfig config) {
        this.config = config;
    }

    @Override
    public Mask propose(Sample sample) {
        RgbImage im = sample.image();
        float[] distance = distanceToBorderColour(im);
        if (config.soft()) {
            return new Mask(im.width(), im.height(), distance);
        }
        double t = config.threshold() == ContrastThreshold.OTSU ? otsu(distance) : Math.min(0.9, 2 * mean(distance));
        float[] mask = new float[distance.length];
        for (int i = 0; i < mask.length; i++) {
            mask[i] = distance[i] > t ? 1f : 0f;
        }
        return new Mask(im.width(), im.height(), mask);
    }

    /** Euclidean RGB distance of each pixel to the border's mean colour, divided by its maximum. */
    float[] distanceToBorderColour(RgbImage im) {
        int w = im.width();
        int h = im.height();
        int b = Math.max(1, (int) Math.round(config.borderWidth() * Math.min(w, h)));
        double[] mean = new double[3];
        int count = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (x < b || y < b || x >= w - b || y >= h - b) {
                    for (int c = 0; c < 3; c++) {
                        mean[c] += im.get(c, x, y);
                    }
                    count++;
                }
            }
        }
        float[] d = new float[w * h];
        float max = 0f;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double s = 0;
                for (int c = 0; c < 3; c++) {
                    double diff = im.get(c, x, y) - mean[c] / count;
                    s += diff * diff;
                }
                float v = (float) Math.sqrt(s);
                d[y * w + x] = v;
                max = Math.max(max, v);
            }
        }
        if (max > 0f) { // a uniform image has no object: all zeros
            for (int i = 0; i < d.length; i++) {
                d[i] /= max;
            }
        }
        return d;
    }

    /** Otsu's threshold of values in [0, 1] over 256 bins; returns the upper edge of the background class. */
    static double otsu(float[] values) {
        int[] hist = new int[256];
        for (float v : values) {
            hist[Math.min(255, (int) (v * 256))]++;
        }
        double total = values.length;
        double sumAll = 0;
        for (int i = 0; i < 256; i++) {
            sumAll += i * (double) hist[i];
        }
        double sumBg = 0;
        double weightBg = 0;
        double best = -1;
        int bestBin = 255;
        for (int i = 0; i < 256; i++) {
            weightBg += hist[i];
            if (weightBg == 0) {
                continue;
            }
            double weightFg = total - weightBg;
            if (weightFg == 0) {
                break;
            }
            sumBg += i * (double) hist[i];
            double meanBg = sumBg / weightBg;
            double meanFg = (sumAll - sumBg) / weightFg;
            double between = weightBg * weightFg * (meanBg - meanFg) * (meanBg - meanFg);
            if (between > best) {
                best = between;
                bestBin = i;
            }
        }
        return (bestBin + 1) / 256.0;
    }

    private static double mean(float[] values) {
        double s = 0;
        for (float v : values) {
            s += v;
        }
        return s / values.length;
    }
}
