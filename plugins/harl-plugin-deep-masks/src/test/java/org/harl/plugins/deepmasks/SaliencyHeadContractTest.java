package org.harl.plugins.deepmasks;

import org.harl.spi.mask.MaskProposer;
import org.harl.testing.MaskProposerContract;

/** The contract on the saliency-head proposer over the stand-in encoder (the run-dir path is tested separately). */
class SaliencyHeadContractTest extends MaskProposerContract {

    static final SaliencyHead HEAD = SaliencyHeadTrainingTest.train(0).head();

    @Override
    protected MaskProposer create() {
        return new SaliencyHeadProposer(new EncoderGrid(new PoolingEncoder(32, 4), 8), HEAD, 0.5, 0.01, false);
    }

    @Override
    protected boolean binary() {
        return true;
    }
}
