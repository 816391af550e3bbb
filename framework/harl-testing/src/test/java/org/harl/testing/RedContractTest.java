package org.harl.testing;

import org.harl.spi.mask.MaskProposer;

/** The contract class itself, applied the way a plugin applies it. */
class RedContractTest extends MaskProposerContract {
    @Override
    protected MaskProposer create() {
        return MaskProposerChecksTest.RED;
    }

    @Override
    protected boolean binary() {
        return true;
    }

    @Override
    protected String registeredName() {
        return "red_test";
    }
}
