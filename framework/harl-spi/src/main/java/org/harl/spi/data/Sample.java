package org.harl.spi.data;

import java.util.Objects;
import java.util.Optional;

/**
 * One dataset item.
 *
 * @param id          a stable identifier (relative path, or {@code split/index} for generated data); mask caches key
 *                    on it together with the proposer config
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
