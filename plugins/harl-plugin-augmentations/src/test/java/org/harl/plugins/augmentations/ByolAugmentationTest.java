package org.harl.plugins.augmentations;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.ServiceLoader;
import java.util.SplittableRandom;
import org.harl.spi.HarlPlugin;
import org.harl.spi.augment.View;
import org.harl.spi.config.InvalidConfigException;
import org.harl.spi.data.Mask;
import org.harl.spi.data.RgbImage;
import org.junit.jupiter.api.Test;

class ByolAugmentationTest {

    private static final List<Double> OFF = List.of(0.0, 0.0);
    private static final List<Double> ON = List.of(1.0, 1.0);

    /** Geometry only (no photometric ops, identity normalisation). */
    private static ByolAugmentationConfig geometry(int size, List<Double> scale, List<Double> hflip, CropStyle style) {
        ByolAugmentationConfig d = ByolAugmentationConfig.defaults();
        return new ByolAugmentationConfig(size, scale, d.cropRatio(), style, 5, 0.2, hflip, OFF, OFF, 0.4, 0.4, 0.2,
                0.1, OFF, OFF, d.blurSigma(), OFF, 0.5, List.of(0.0, 0.0, 0.0), List.of(1.0, 1.0, 1.0), 1.0);
    }

    private static RgbImage noise(int w, int h, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] d = new float[3 * w * h];
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) r.nextDouble();
        }
        return new RgbImage(w, h, d);
    }

    @Test
    void fullCropWithFlipMirrorsTheImage() {
        ByolAugmentation aug = new ByolAugmentation(geometry(16, List.of(1.0, 1.0), ON, CropStyle.RANDOM));
        RgbImage img = noise(16, 16, 1);
        View v = aug.apply(img, null, 0, new SplittableRandom(3));
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < 16; y++) {
                for (int x = 0; x < 16; x++) {
                    assertEquals(img.get(c, 15 - x, y), v.image().get(c, x, y), 1e-5);
                }
            }
        }
        assertNull(v.mask());
    }

    @Test
    void maskFollowsTheImageExactlyThroughCropAndFlip() {
        for (CropStyle style : CropStyle.values()) {
            ByolAugmentation aug = new ByolAugmentation(geometry(24, List.of(0.08, 1.0), List.of(0.5, 0.5), style));
            for (int seed = 0; seed < 40; seed++) {
                // the red plane is the mask: any misalignment of the two outputs would show as a difference
                RgbImage img = noise(57, 41, seed);
                float[] m = new float[57 * 41];
                System.arraycopy(img.data(), 0, m, 0, m.length);
                View v = aug.apply(img, new Mask(57, 41, m), seed % 2, new SplittableRandom(seed));
                float[] red = java.util.Arrays.copyOf(v.image().data(), 24 * 24);
                assertArrayEquals(red, v.mask().data(), 1e-5f);
            }
        }
    }

    @Test
    void aMarkerLandsAtTheSamePlaceInImageAndMask() {
        ByolAugmentation aug = new ByolAugmentation(geometry(32, List.of(1.0, 1.0), ON, CropStyle.RANDOM));
        RgbImage img = RgbImage.blank(32, 32);
        float[] m = new float[32 * 32];
        for (int y = 10; y < 14; y++) {
            for (int x = 2; x < 6; x++) { // left side
                img.set(1, x, y, 1f);
                m[y * 32 + x] = 1f;
            }
        }
        View v = aug.apply(img, new Mask(32, 32, m), 1, new SplittableRandom(5));
        for (int y = 10; y < 14; y++) {
            for (int x = 26; x < 30; x++) { // mirrored to the right side
                assertEquals(1f, v.image().get(1, x, y), 1e-5);
                assertEquals(1f, v.mask().get(x, y), 1e-5);
            }
        }
        assertEquals(16.0 / (32 * 32), v.mask().foregroundFraction(), 1e-5);
    }

    @Test
    void maskBoxesFindsMoreForegroundThanRandomCrops() {
        Mask small = new Mask(64, 64, new float[64 * 64]);
        for (int y = 40; y < 60; y++) {
            for (int x = 40; x < 60; x++) {
                small.data()[y * 64 + x] = 1f;
            }
        }
        RgbImage img = noise(64, 64, 2);
        double[] mean = new double[2];
        for (CropStyle style : CropStyle.values()) {
            ByolAugmentation aug = new ByolAugmentation(geometry(16, List.of(0.08, 1.0), OFF, style));
            for (int seed = 0; seed < 200; seed++) {
                double fg = aug.apply(img, small, 0, new SplittableRandom(seed)).mask().foregroundFraction();
                mean[style.ordinal()] += fg > 0.2 ? 1.0 / 200 : 0;
            }
        }
        // share of views with more than 20 % foreground
        assertTrue(mean[1] > 1.5 * mean[0], "mask_boxes " + mean[1] + " vs random " + mean[0]);
    }

    @Test
    void sameSeedSameViewOtherSeedOtherView() {
        ByolAugmentation aug = new ByolAugmentation(ByolAugmentationConfig.defaults());
        RgbImage img = noise(40, 30, 4);
        Mask m = Mask.filled(40, 30, 1f);
        View a = aug.apply(img, m, 0, new SplittableRandom(9));
        View b = aug.apply(img, m, 0, new SplittableRandom(9));
        View c = aug.apply(img, m, 0, new SplittableRandom(10));
        assertArrayEquals(a.image().data(), b.image().data());
        assertArrayEquals(a.mask().data(), b.mask().data());
        assertFalse(java.util.Arrays.equals(a.image().data(), c.image().data()));
        assertEquals(224, a.image().width());
    }

    @Test
    void photometricOpsKeepValuesInRangeBeforeNormalisation() {
        ByolAugmentationConfig d = ByolAugmentationConfig.defaults();
        ByolAugmentationConfig cfg = new ByolAugmentationConfig(16, List.of(1.0, 1.0), d.cropRatio(), CropStyle.RANDOM,
                5, 0.2, OFF, OFF, ON, 0.4, 0.4, 0.2, 0.1, List.of(0.5, 0.5), List.of(0.5, 0.5), d.blurSigma(),
                List.of(0.5, 0.5), 0.5, List.of(0.0, 0.0, 0.0), List.of(1.0, 1.0, 1.0), 1.0);
        ByolAugmentation aug = new ByolAugmentation(cfg);
        RgbImage img = noise(16, 16, 6);
        boolean changed = false;
        for (int seed = 0; seed < 50; seed++) {
            float[] out = aug.apply(img, null, seed % 2, new SplittableRandom(seed)).image().data();
            for (float v : out) {
                assertTrue(v >= 0 && v <= 1, "value " + v + " out of [0, 1]");
            }
            changed |= !java.util.Arrays.equals(out, img.data());
        }
        assertTrue(changed);
    }

    @Test
    void blurSigmaIsGivenAt224PixelsAndScaledToTheView() {
        ByolAugmentationConfig d = ByolAugmentationConfig.defaults();
        double[] centre = new double[2];
        int[] sizes = {32, 224};
        for (int k = 0; k < 2; k++) {
            int s = sizes[k];
            ByolAugmentation aug = new ByolAugmentation(new ByolAugmentationConfig(s, List.of(1.0, 1.0),
                    List.of(1.0, 1.0), CropStyle.RANDOM, 5, 0.2, OFF, OFF, OFF, 0.4, 0.4, 0.2, 0.1, OFF, ON,
                    List.of(2.0, 2.0), OFF, 0.5, List.of(0.0, 0.0, 0.0), List.of(1.0, 1.0, 1.0), 1.0));
            RgbImage dot = RgbImage.blank(s, s);
            dot.set(0, s / 2, s / 2, 1f);
            centre[k] = aug.apply(dot, null, 0, new SplittableRandom(1)).image().get(0, s / 2, s / 2);
        }
        assertTrue(centre[0] > 0.95, "32 px: sigma 2 * 32/224 keeps the dot, got " + centre[0]);
        assertTrue(centre[1] < 0.06, "224 px: sigma 2 spreads the dot, got " + centre[1]);
    }

    @Test
    void normalisationUsesImageNetStatistics() {
        ByolAugmentationConfig d = ByolAugmentationConfig.defaults();
        ByolAugmentation aug = new ByolAugmentation(new ByolAugmentationConfig(8, d.cropScale(), d.cropRatio(),
                CropStyle.RANDOM, 5, 0.2, OFF, OFF, OFF, 0.4, 0.4, 0.2, 0.1, OFF, OFF, d.blurSigma(), OFF, 0.5,
                d.mean(), d.std(), 1.0));
        RgbImage grey = new RgbImage(8, 8, new float[3 * 64]);
        java.util.Arrays.fill(grey.data(), 0.5f);
        RgbImage v = aug.evaluationView(grey);
        assertEquals((0.5 - 0.485) / 0.229, v.get(0, 3, 3), 1e-5);
        assertEquals((0.5 - 0.406) / 0.225, v.get(2, 7, 0), 1e-5);
    }

    @Test
    void evaluationViewCentreCropsTheShorterSide() {
        ByolAugmentation aug = new ByolAugmentation(geometry(10, List.of(1.0, 1.0), OFF, CropStyle.RANDOM));
        RgbImage wide = RgbImage.blank(30, 10);
        for (int y = 0; y < 10; y++) {
            for (int x = 10; x < 20; x++) {
                wide.set(0, x, y, 1f); // only the centre square is red
            }
        }
        RgbImage v = aug.evaluationView(wide);
        assertEquals(10, v.width());
        for (float x : java.util.Arrays.copyOf(v.data(), 100)) {
            assertEquals(1f, x, 1e-6);
        }
    }

    @Test
    void invalidConfigNamesTheKey() {
        ByolAugmentationConfig d = ByolAugmentationConfig.defaults();
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> new ByolAugmentationConfig(
                32, d.cropScale(), d.cropRatio(), CropStyle.RANDOM, 5, 0.2, d.hflipP(), d.vflipP(), d.jitterP(), 0.4,
                0.4, 0.2, 0.1, d.grayscaleP(), List.of(1.0, 1.5), d.blurSigma(), d.solarizeP(), 0.5, d.mean(),
                d.std(), 1.0));
        assertEquals("blur_p", e.key());
        InvalidConfigException s = assertThrows(InvalidConfigException.class, () -> new ByolAugmentationConfig(
                32, List.of(0.9, 0.2), d.cropRatio(), CropStyle.RANDOM, 5, 0.2, d.hflipP(), d.vflipP(), d.jitterP(),
                0.4, 0.4, 0.2, 0.1, d.grayscaleP(), d.blurP(), d.blurSigma(), d.solarizeP(), 0.5, d.mean(), d.std(),
                1.0));
        assertEquals("crop_scale", s.key());
    }

    @Test
    void pluginRegistersByol() {
        HarlPlugin p = ServiceLoader.load(HarlPlugin.class).findFirst().orElseThrow();
        assertEquals("byol", p.factories().get(0).name());
    }
}
