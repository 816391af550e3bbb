package org.harl.plugins.masks;

import java.util.List;
import org.harl.spi.config.Doc;
import org.harl.spi.config.InvalidConfigException;

/** Config of the {@code drfi} proposer. */
public record DrfiConfig(
        @Doc("FH levels (sigma, scale, min_size); default: 6 of the 15 in DRFI's trainAll.m table, two sigmas") List<DrfiLevel> levels,
        @Doc("image area (pixels) at which the levels' min_size apply; min sizes scale with area") int referencePixels,
        @Doc("fixed saliency threshold in (0, 1); 0 = adaptive 2*mean(saliency) clipped at max_threshold") double threshold,
        @Doc("upper clip of the adaptive threshold 2*mean(saliency)") double maxThreshold,
        @Doc("foreground components smaller than this fraction of the image are removed") double minComponentFraction,
        @Doc("forest file written by 'harl masks train-drfi'; empty = the forest bundled with harl") String model) {

    /** DRFI's test levels in the order of its parameter table (drfi_matlab trainAll.m). */
    static final List<DrfiLevel> DRFI_LEVELS = List.of(
            new DrfiLevel(0.8, 100, 150), new DrfiLevel(0.8, 400, 300), new DrfiLevel(0.9, 200, 200),
            new DrfiLevel(0.9, 100, 200), new DrfiLevel(0.8, 300, 150), new DrfiLevel(1.0, 200, 150),
            new DrfiLevel(0.9, 300, 300), new DrfiLevel(1.0, 100, 150), new DrfiLevel(1.0, 500, 300),
            new DrfiLevel(0.9, 200, 300), new DrfiLevel(0.8, 600, 200), new DrfiLevel(1.0, 600, 300),
            new DrfiLevel(0.8, 200, 150), new DrfiLevel(1.0, 500, 200), new DrfiLevel(0.8, 400, 150));

    public DrfiConfig {
        InvalidConfigException.check(levels != null && !levels.isEmpty(), "levels", "needs at least one level");
        levels = List.copyOf(levels);
        InvalidConfigException.check(referencePixels > 0, "reference_pixels", "must be > 0, got " + referencePixels);
        InvalidConfigException.check(threshold >= 0 && threshold < 1, "threshold",
                "must be in [0, 1) (0 = adaptive), got " + threshold);
        InvalidConfigException.check(maxThreshold > 0 && maxThreshold <= 1, "max_threshold",
                "must be in (0, 1], got " + maxThreshold);
        InvalidConfigException.check(minComponentFraction >= 0 && minComponentFraction < 1, "min_component_fraction",
                "must be in [0, 1), got " + minComponentFraction);
        model = model == null ? "" : model;
    }

    /**
     * Six of DRFI's levels using two σ, so only two graphs are smoothed and sorted (k 100–500, min 150–300): the
     * fifteen levels over three σ cost about 2.5 times as much; set {@code levels} to the full table if time allows.
     */
    static final List<DrfiLevel> DEFAULT_LEVELS = List.of(
            new DrfiLevel(0.8, 100, 150), new DrfiLevel(0.8, 300, 150), new DrfiLevel(0.8, 400, 300),
            new DrfiLevel(1.0, 100, 150), new DrfiLevel(1.0, 200, 150), new DrfiLevel(1.0, 500, 300));

    public static DrfiConfig defaults() {
        return new DrfiConfig(DEFAULT_LEVELS, 120_000, 0, 0.9, 0.01, "");
    }

    /** A level's min_size for an image of {@code pixels} pixels (at least 8). */
    int minSizeFor(DrfiLevel level, int pixels) {
        return Math.max(8, (int) Math.round(level.minSize() * (double) pixels / referencePixels));
    }
}
