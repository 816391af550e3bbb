package org.harl.plugins.datasets.synthetic;

import org.harl.spi.config.Doc;
import org.harl.spi.config.InvalidConfigException;

/** Clutter behind the objects; shared by {@code synthetic_objects} and {@code fashion_composites}. */
public record BackgroundConfig(
        @Doc("maximum number of random-coloured distractor blobs (0 .. max per image)") int maxDistractors,
        @Doc("distractor blob size as a fraction of the image side, at most") double distractorSize,
        @Doc("strength of the background pattern (0 = flat colour, 1 = full-contrast noise/stripes)") double clutter) {

    public BackgroundConfig {
        InvalidConfigException.check(maxDistractors >= 0 && maxDistractors <= 20, "max_distractors",
                "must be in [0, 20], got " + maxDistractors);
        InvalidConfigException.check(distractorSize > 0 && distractorSize <= 1, "distractor_size",
                "must be in (0, 1], got " + distractorSize);
        InvalidConfigException.check(clutter >= 0 && clutter <= 1, "clutter", "must be in [0, 1], got " + clutter);
    }

    public static BackgroundConfig defaults() {
        return new BackgroundConfig(3, 0.35, 1.0);
    }
}
