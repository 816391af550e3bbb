package org.harl.plugins.masks.contract;

import org.harl.plugins.masks.FelzenszwalbProposer;
import org.harl.spi.mask.MaskProposer;
import org.harl.testing.MaskProposerContract;

class FelzenszwalbContractTest extends MaskProposerContract {
    @Override
    protected MaskProposer create() {
        FelzenszwalbProposer.Factory f = new FelzenszwalbProposer.Factory();
        return f.create(f.defaults(), context());
    }

    @Override
    protected boolean binary() {
        return true;
    }

    @Override
    protected String registeredName() {
        return "felzenszwalb";
    }
}
