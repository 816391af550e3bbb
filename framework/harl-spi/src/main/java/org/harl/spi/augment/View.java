package org.harl.spi.augment;

import org.harl.spi.data.Mask;
import org.harl.spi.data.RgbImage;

/** One augmented view: the normalised image and the mask transformed with exactly the same geometry. */
public record View(RgbImage image, Mask mask) {
}
