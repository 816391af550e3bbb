package org.harl.plugins.backbones;

import java.util.List;
import org.harl.spi.config.Doc;
import org.harl.spi.config.InvalidConfigException;

/** Config of {@code tiny_resnet}: a narrow basic-unit ResNet for tests and quick CPU runs. */
public record TinyResNetConfig(
        @Doc("imagenet or small") Stem stem,
        @Doc("channels of each stage (the first stage keeps the resolution, each further stage halves it)")
        List<Integer> widths,
        @Doc("basic residual units per stage") int blocksPerStage) {

    public TinyResNetConfig {
        InvalidConfigException.check(stem != null, "stem", "must be imagenet or small");
        InvalidConfigException.check(widths != null && !widths.isEmpty(), "widths", "must list at least one stage");
        InvalidConfigException.check(widths.stream().allMatch(w -> w != null && w >= 1), "widths",
                "every width must be >= 1, got " + widths);
        InvalidConfigException.check(blocksPerStage >= 1, "blocks_per_stage", "must be >= 1, got " + blocksPerStage);
        widths = List.copyOf(widths);
    }

    public static TinyResNetConfig defaults() {
        return new TinyResNetConfig(Stem.SMALL, List.of(8, 16, 32, 64), 1);
    }

    ResNetBackbone backbone() {
        return new ResNetBackbone(stem, widths, java.util.Collections.nCopies(widths.size(), blocksPerStage), false);
    }
}
