package org.harl.plugins.masks;

import org.harl.spi.config.Doc;
import org.harl.spi.config.InvalidConfigException;

/** One FH segmentation level of DRFI. */
public record DrfiLevel(
        @Doc("Gaussian smoothing sigma in pixels (levels with the same sigma share one graph)") double sigma,
        @Doc("FH scale k on the 0-255 intensity scale (larger: fewer, bigger regions)") double scale,
        @Doc("minimum region size in pixels at drfi.reference_pixels; scaled with the image area") int minSize) {

    public DrfiLevel {
        InvalidConfigException.check(sigma >= 0 && sigma <= 10, "sigma", "must be in [0, 10], got " + sigma);
        InvalidConfigException.check(scale > 0, "scale", "must be > 0, got " + scale);
        InvalidConfigException.check(minSize >= 1, "min_size", "must be >= 1, got " + minSize);
    }
}
