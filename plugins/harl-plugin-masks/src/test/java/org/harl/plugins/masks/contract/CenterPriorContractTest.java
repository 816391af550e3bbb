package org.harl.plugins.masks.contract;

import org.harl.plugins.masks.CenterPriorProposer;
import org.harl.spi.mask.MaskProposer;
import org.harl.testing.MaskProposerContract;

class CenterPriorContractTest extends MaskProposerContract {
    @Override
    protected MaskProposer create() {
        CenterPriorProposer.Factory f = new CenterPriorProposer.Factory();
        return f.create(f.defaults(), context());
    }

    @Override
    protected boolean binary() {
        return true;
    }

    @Override
    protected String registeredName() {
        return "center_prior";
    }
}
