package org.harl.plugins.masks.contract;

import org.harl.plugins.masks.FullImageProposer;
import org.harl.spi.mask.MaskProposer;
import org.harl.testing.MaskProposerContract;

class FullImageContractTest extends MaskProposerContract {
    @Override
    protected MaskProposer create() {
        FullImageProposer.Factory f = new FullImageProposer.Factory();
        return f.create(f.defaults(), context());
    }

    @Override
    protected boolean binary() {
        return true;
    }

    @Override
    protected String registeredName() {
        return "full_image";
    }
}
