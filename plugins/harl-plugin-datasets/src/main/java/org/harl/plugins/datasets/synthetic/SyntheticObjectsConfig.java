package org.harl.plugins.datasets.synthetic;

import org.harl.spi.config.Doc;
import org.harl.spi.config.InvalidConfigException;

/** Config of {@code synthetic_objects}. */
public record SyntheticObjectsConfig(
        @Doc("number of classes; each has its own shape, colour palette and texture") int classes,
        @Doc("image side in pixels (32 .. 224)") int imageSize,
        @Doc("training images") int trainSize,
        @Doc("test images") int testSize,
        @Doc("dataset seed: fixes the classes' looks and every image (independent of the experiment seed)") long seed,
        @Doc("smallest object bounding-box area as a fraction of the image") double minScale,
        @Doc("largest object bounding-box area as a fraction of the image") double maxScale,
        @Doc("per-image hue jitter of the class palette in turns (saturation/value jitter is 2.5x this)")
        double paletteJitter,
        @Doc("maximum number of random-coloured distractor blobs behind the object") int maxDistractors,
        @Doc("distractor blob size as a fraction of the image side, at most") double distractorSize,
        @Doc("background pattern strength: 0 = flat random colour, 1 = full-contrast noise/stripes") double clutter) {

    public SyntheticObjectsConfig {
        InvalidConfigException.check(classes >= 2 && classes <= 1000, "classes", "must be in [2, 1000], got " + classes);
        InvalidConfigException.check(imageSize >= 32 && imageSize <= 224, "image_size",
                "must be in [32, 224], got " + imageSize);
        InvalidConfigException.check(trainSize >= 1, "train_size", "must be >= 1, got " + trainSize);
        InvalidConfigException.check(testSize >= 0, "test_size", "must be >= 0, got " + testSize);
        InvalidConfigException.check(minScale > 0 && minScale <= 1, "min_scale", "must be in (0, 1], got " + minScale);
        InvalidConfigException.check(maxScale >= minScale && maxScale <= 1, "max_scale",
                "must be in [min_scale, 1], got " + maxScale);
        InvalidConfigException.check(paletteJitter >= 0 && paletteJitter <= 0.5, "palette_jitter",
                "must be in [0, 0.5], got " + paletteJitter);
        background(maxDistractors, distractorSize, clutter);
    }

    public static SyntheticObjectsConfig defaults() {
        BackgroundConfig b = BackgroundConfig.defaults();
        return new SyntheticObjectsConfig(10, 32, 20000, 2000, 0, 0.1, 0.6, 0.04, b.maxDistractors(),
                b.distractorSize(), b.clutter());
    }

    public BackgroundConfig background() {
        return background(maxDistractors, distractorSize, clutter);
    }

    private static BackgroundConfig background(int maxDistractors, double distractorSize, double clutter) {
        return new BackgroundConfig(maxDistractors, distractorSize, clutter);
    }
}
