package org.harl.plugins.datasets.fashion;

import org.harl.spi.config.Doc;
import org.harl.spi.config.InvalidConfigException;

/** Config of {@code fashion_mnist}. */
public record FashionMnistConfig(
        @Doc("folder with the IDX files (gzip or raw); apt-get install dataset-fashion-mnist puts them in the default")
        String dataDir,
        @Doc("image side in pixels; the 28 x 28 items are resized (bilinear, antialiased)") int imageSize,
        @Doc("use only the first N training images; 0 = all 60000") int trainLimit,
        @Doc("use only the first N test images; 0 = all 10000") int testLimit) {

    public static final String DEFAULT_DIR = "/usr/share/datasets/fashion-mnist";

    public FashionMnistConfig {
        InvalidConfigException.check(dataDir != null && !dataDir.isBlank(), "data_dir", "must name a folder");
        InvalidConfigException.check(imageSize >= 8 && imageSize <= 224, "image_size",
                "must be in [8, 224], got " + imageSize);
        InvalidConfigException.check(trainLimit >= 0, "train_limit", "must be >= 0, got " + trainLimit);
        InvalidConfigException.check(testLimit >= 0, "test_limit", "must be >= 0, got " + testLimit);
    }

    public static FashionMnistConfig defaults() {
        return new FashionMnistConfig(DEFAULT_DIR, 32, 0, 0);
    }
}
