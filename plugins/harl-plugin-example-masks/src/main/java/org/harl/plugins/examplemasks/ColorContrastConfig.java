package org.harl.plugins.examplemasks;

import org.harl.spi.config.Doc;
import org.harl.spi.config.InvalidConfigException;

/**
 * Settings of the {@code color_contrast} proposer. YAML keys are the snake_case component names
 * ({@code border_width}).
 *
 * @param borderWidth width of the border strip whose mean colour is "background", as a fraction of the shorter side
 * @param threshold   how the distance map is binarised
 * @param soft        return the normalised distance map instead of a binary mask
 */
public record ColorContrastConfig(
        @Doc("width of the border strip taken as background, fraction of the shorter image side (0-0.5]")
        double borderWidth,
        @Doc("threshold on the colour distance: otsu or twice_mean") ContrastThreshold threshold,
        @Doc("return the distance map (scaled to [0,1]) instead of a binary mask") boolean soft) {

    public ColorContrastConfig {
        InvalidConfigException.check(borderWidth > 0 && borderWidth <= 0.5, "border_width",
                "must be in (0, 0.5], got " + borderWidth);
        InvalidConfigException.check(threshold != null, "threshold", "must be otsu or twice_mean");
    }
}
