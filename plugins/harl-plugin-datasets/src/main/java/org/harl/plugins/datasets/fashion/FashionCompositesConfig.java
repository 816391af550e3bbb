package org.harl.plugins.datasets.fashion;

import org.harl.plugins.datasets.synthetic.BackgroundConfig;
import org.harl.spi.config.Doc;
import org.harl.spi.config.InvalidConfigException;

/** Config of {@code fashion_composites}. */
public record FashionCompositesConfig(
        @Doc("folder with the Fashion-MNIST IDX files (gzip or raw)") String dataDir,
        @Doc("image side in pixels (32 .. 224)") int imageSize,
        @Doc("use only the first N training items; 0 = all 60000") int trainLimit,
        @Doc("use only the first N test items; 0 = all 10000") int testLimit,
        @Doc("composite seed: backgrounds, colours and placement (independent of the experiment seed)") long seed,
        @Doc("smallest item area as a fraction of the image") double minScale,
        @Doc("largest item area as a fraction of the image") double maxScale,
        @Doc("class: a hue per class (jittered); random: any colour") ColourMode colourMode,
        @Doc("per-image hue jitter in turns for colour_mode class") double paletteJitter,
        @Doc("maximum number of random-coloured distractor blobs behind the item") int maxDistractors,
        @Doc("distractor blob size as a fraction of the image side, at most") double distractorSize,
        @Doc("background pattern strength: 0 = flat random colour, 1 = full-contrast noise/stripes") double clutter) {

    public FashionCompositesConfig {
        InvalidConfigException.check(dataDir != null && !dataDir.isBlank(), "data_dir", "must name a folder");
        InvalidConfigException.check(imageSize >= 32 && imageSize <= 224, "image_size",
                "must be in [32, 224], got " + imageSize);
        InvalidConfigException.check(trainLimit >= 0, "train_limit", "must be >= 0, got " + trainLimit);
        InvalidConfigException.check(testLimit >= 0, "test_limit", "must be >= 0, got " + testLimit);
        InvalidConfigException.check(minScale > 0 && minScale <= 1, "min_scale", "must be in (0, 1], got " + minScale);
        InvalidConfigException.check(maxScale >= minScale && maxScale <= 1, "max_scale",
                "must be in [min_scale, 1], got " + maxScale);
        InvalidConfigException.check(colourMode != null, "colour_mode", "must be class or random");
        InvalidConfigException.check(paletteJitter >= 0 && paletteJitter <= 0.5, "palette_jitter",
                "must be in [0, 0.5], got " + paletteJitter);
        new BackgroundConfig(maxDistractors, distractorSize, clutter); // validates the background keys
    }

    public static FashionCompositesConfig defaults() {
        BackgroundConfig b = BackgroundConfig.defaults();
        return new FashionCompositesConfig(FashionMnistConfig.DEFAULT_DIR, 32, 0, 0, 0, 0.15, 0.6, ColourMode.CLASS,
                0.04, b.maxDistractors(), b.distractorSize(), b.clutter());
    }

    public BackgroundConfig background() {
        return new BackgroundConfig(maxDistractors, distractorSize, clutter);
    }
}
