package org.harl.plugins.examplemasks;

import org.harl.spi.ComponentFactory;
import org.harl.spi.ComponentKind;
import org.harl.spi.PluginContext;
import org.harl.spi.mask.MaskProposer;

/** Registers {@code color_contrast} as a mask proposer. */
public final class ColorContrastFactory implements ComponentFactory<ColorContrastConfig, MaskProposer> {

    @Override
    public ComponentKind kind() {
        return ComponentKind.MASK_PROPOSER;
    }

    @Override
    public String name() {
        return "color_contrast";
    }

    @Override
    public String description() {
        return "example plugin: pixels whose colour differs most from the image border's mean colour";
    }

    @Override
    public Class<ColorContrastConfig> configType() {
        return ColorContrastConfig.class;
    }

    @Override
    public ColorContrastConfig defaults() {
        return new ColorContrastConfig(0.05, ContrastThreshold.OTSU, false);
    }

    @Override
    public MaskProposer create(ColorContrastConfig config, PluginContext context) {
        return new ColorContrastProposer(config);
    }
}
