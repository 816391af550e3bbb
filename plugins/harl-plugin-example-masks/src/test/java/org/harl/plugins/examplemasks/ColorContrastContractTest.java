package org.harl.plugins.examplemasks;

import org.harl.spi.mask.MaskProposer;
import org.harl.testing.MaskProposerContract;

class ColorContrastContractTest extends MaskProposerContract {
    @Override
    protected MaskProposer create() {
        return ColorContrastProposer.FACTORY.create(ColorContrastProposer.FACTORY.defaults(), context());
    }

    @Override
    protected boolean binary() {
        return true;
    }

    @Override
    protected String registeredName() {
        return "color_contrast";
    }
}
