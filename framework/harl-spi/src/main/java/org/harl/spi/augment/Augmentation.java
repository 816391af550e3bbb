package org.harl.spi.augment;

import java.util.SplittableRandom;
import org.harl.spi.data.Mask;
import org.harl.spi.data.RgbImage;

/**
 * Makes training views. Geometry (crop, flip) is applied jointly to image and mask; photometric ops touch the
 * image only; the output is normalised. All randomness comes from {@code rng}, so results depend only on the
 * caller's seed derivation, never on threads or timing. Implementations are stateless and thread-safe.
 */
public interface Augmentation {

    /** Side of the square views this augmentation outputs. */
    int outputSize();

    /**
     * One view of an image and its mask.
     *
     * @param mask      the foreground mask (same size as the image), or null when the method uses no masks; the
     *                  view's mask is then null too

     * @param viewIndex 0 or 1: BYOL's two pipelines are asymmetric (blur and solarize probabilities differ)
     */
    View apply(RgbImage image, Mask mask, int viewIndex, SplittableRandom rng);

    /** The deterministic evaluation view (resize + centre crop + normalisation), used by kNN and linear probes. */
    RgbImage evaluationView(RgbImage image);
}
