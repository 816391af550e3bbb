package org.harl.plugins.deepmasks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.harl.spi.augment.Augmentation;
import org.harl.spi.augment.View;
import org.harl.spi.data.Mask;
import org.harl.spi.data.Resampler;
import org.harl.spi.data.RgbImage;
import org.junit.jupiter.api.Test;

class AugmentationNormalizationTest {

    /** Centre crop of 7/8, resize to 8, then (x - mean) / std, like the byol augmentation. */
    static Augmentation normalising(float[] mean, float[] std, boolean square) {
        return new Augmentation() {
            public int outputSize() {
                return 8;
            }

            public View apply(RgbImage image, Mask mask, int viewIndex, SplittableRandom rng) {
                throw new UnsupportedOperationException();
            }

            public RgbImage evaluationView(RgbImage image) {
                double side = Math.min(image.width(), image.height()) * 0.875;
                RgbImage out = new Resampler(image.width(), image.height(), (image.width() - side) / 2,
                        (image.height() - side) / 2, side, side, 8, 8, false, false).apply(image);
                int n = out.pixels();
                for (int c = 0; c < 3; c++) {
                    for (int i = 0; i < n; i++) {
                        float v = (out.data()[c * n + i] - mean[c]) / std[c];
                        out.data()[c * n + i] = square ? v * v : v;
                    }
                }
                return out;
            }
        };
    }

    @Test
    void recoversMeanAndStdOfTheEvaluationView() {
        float[] mean = {0.485f, 0.456f, 0.406f};
        float[] std = {0.229f, 0.224f, 0.225f};
        AugmentationNormalization n = AugmentationNormalization.of(normalising(mean, std, false));
        float[] img = {0f, 1f, 0.5f, 0.2f, 0.3f, 0.9f}; // two 1x1 images, planar: (R, G, B) each
        float[] out = n.apply(img, 2, 1);
        float[] expected = new float[6];
        for (int k = 0; k < 2; k++) {
            for (int c = 0; c < 3; c++) {
                expected[k * 3 + c] = (img[k * 3 + c] - mean[c]) / std[c];
            }
        }
        assertArrayEquals(expected, out, 1e-5f);
        assertArrayEquals(new float[] {0f, 1f, 0.5f, 0.2f, 0.3f, 0.9f}, img, "input left unchanged");
    }

    @Test
    void rejectsANonAffineView() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AugmentationNormalization.of(
                normalising(new float[] {0.5f, 0.5f, 0.5f}, new float[] {1f, 1f, 1f}, true)));
        assertTrue(e.getMessage().contains("affinely"), e.getMessage());
    }
}
