package org.harl.plugins.augmentations;

import org.harl.spi.ComponentFactory;
import org.harl.spi.ComponentKind;
import org.harl.spi.PluginContext;
import org.harl.spi.augment.Augmentation;

/** Registers {@code byol}. */
public final class ByolAugmentationFactory implements ComponentFactory<ByolAugmentationConfig, Augmentation> {

    @Override
    public ComponentKind kind() {
        return ComponentKind.AUGMENTATION;
    }

    @Override
    public String name() {
        return "byol";
    }

    @Override
    public String description() {
        return "BYOL crop/flip (joint with the mask) + asymmetric colour jitter, grayscale, blur, solarize";
    }

    @Override
    public Class<ByolAugmentationConfig> configType() {
        return ByolAugmentationConfig.class;
    }

    @Override
    public ByolAugmentationConfig defaults() {
        return ByolAugmentationConfig.defaults();
    }

    @Override
    public Augmentation create(ByolAugmentationConfig config, PluginContext context) {
        return new ByolAugmentation(config);
    }
}
