package org.harl.plugins.deepmasks;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import org.harl.spi.mask.MaskProposer;
import org.harl.testing.MaskProposerContract;

class TorchScriptContractTest extends MaskProposerContract {
    @Override
    protected MaskProposer create() {
        return TorchScriptProposer.FACTORY.create(TorchScriptProposerTest.config(NormalizationPreset.IMAGENET,
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

    @Override
    protected Optional<Function<Path, MaskProposer>> modelLoader() {
        return Optional.of(model -> TorchScriptProposer.FACTORY.create(new TorchScriptConfig(model.toString(),
                NormalizationPreset.IMAGENET, ModelOutput.PROBABILITIES, 0.5, false, 4), context()));
    }
}
