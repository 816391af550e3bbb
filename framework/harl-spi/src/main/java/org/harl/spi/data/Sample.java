package org.harl.spi.data;

import java.util.Objects;
import java.util.Optional;

/**
 * One dataset item.
 *
 * @param id          a stable identifier that differs whenever the pixels can differ (the built-in datasets use
 *                    {@code <dataset>:<fingerprint of config or root>/<relative path or split/index>}); mask caches
 *                    shared between runs key on it together with the proposer config
 * @param image       the decoded image
 * @param groundTruth the exact object mask where the dataset has one (synthetic data, mask folders)
 * @param label       the class index, or -1 when unlabelled
 */
public record Sample(String id, RgbImage image, Optional<Mask> groundTruth, int label) {
    public Sample {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(groundTruth, "groundTruth");
    }
}
