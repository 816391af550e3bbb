package org.harl.plugins.deepmasks;

import java.util.Arrays;
import org.harl.spi.augment.Augmentation;
import org.harl.spi.data.RgbImage;

/**
 * The per-channel affine normalisation {@code x·scale + offset} (i.e. {@code (x − mean) / std}) of an augmentation's
 * evaluation view, read off constant images, which crop and resize leave unchanged. So an encoder gets whole images
 * (no centre crop: a mask must cover every pixel) normalised exactly as in its training, whatever the augmentation
 * plugin.
 */
public record AugmentationNormalization(float[] scale, float[] offset) {

    /** Probes {@code augmentation} with images of 0, 1 and 0.5; fails if the mapping is not affine per channel. */
    public static AugmentationNormalization of(Augmentation augmentation) {
        float[] zero = probe(augmentation, 0f);
        float[] one = probe(augmentation, 1f);
        float[] half = probe(augmentation, 0.5f);
        float[] scale = new float[3];
        for (int c = 0; c < 3; c++) {
            scale[c] = one[c] - zero[c];
            if (!(Math.abs(scale[c]) > 0)
                    || Math.abs(half[c] - (zero[c] + one[c]) / 2) > 1e-3 * Math.max(1, Math.abs(scale[c]))) {
                throw new IllegalArgumentException("augmentation " + augmentation.getClass().getSimpleName()
                        + " does not normalise its evaluation view affinely per channel (channel " + c + ": 0 -> "
                        + zero[c] + ", 0.5 -> " + half[c] + ", 1 -> " + one[c] + "), so images cannot be prepared "
                        + "for its encoder");
            }
        }
        return new AugmentationNormalization(scale, zero);
    }

    private static float[] probe(Augmentation augmentation, float value) {
        RgbImage flat = RgbImage.blank(16, 16);
        Arrays.fill(flat.data(), value);
        RgbImage v = augmentation.evaluationView(flat);
        int n = v.pixels();
        return new float[] {v.data()[n / 2], v.data()[n + n / 2], v.data()[2 * n + n / 2]};
    }

    /** A normalised copy of {@code n} planar images of {@code side x side}. */
    public float[] apply(float[] planar, int n, int side) {
        float[] out = new float[planar.length];
        int plane = side * side;
        for (int k = 0; k < n; k++) {
            for (int c = 0; c < 3; c++) {
                int base = (k * 3 + c) * plane;
                for (int i = 0; i < plane; i++) {
                    out[base + i] = planar[base + i] * scale[c] + offset[c];
                }
            }
        }
        return out;
    }
}
