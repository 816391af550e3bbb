package org.harl.plugins.backbones;

import org.harl.spi.config.Doc;
import org.harl.spi.config.InvalidConfigException;

/** Config of {@code resnet18} and {@code resnet50}. */
public record ResNetConfig(
        @Doc("imagenet (7x7/2 conv + max-pool, C5 = input/32) or small (3x3/1 conv, no max-pool, C5 = input/8)")
        Stem stem) {

    public ResNetConfig {
        InvalidConfigException.check(stem != null, "stem", "must be imagenet or small");
    }

    public static ResNetConfig defaults() {
        return new ResNetConfig(Stem.IMAGENET);
    }
}
