package org.harl.plugins.deepmasks;

import org.harl.spi.mask.MaskProposer;
import org.harl.testing.MaskProposerContract;

class TorchScriptContractTest extends MaskProposerContract {
    @Override
    protected MaskProposer create() {
        return TorchScriptProposer.FACTORY.create(TorchScriptProposerTest.config(InputNormalization.IMAGENET,
                ModelOutput.PROBABILITIES, false), context());
    }

    @Override
    protected boolean binary() {
        return true;
    }

    @Override
    protected String registeredName() {
        return "torchscript";
    }
}
