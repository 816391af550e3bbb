package org.harl.plugins.deepmasks;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
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

    @Override
    protected String registeredName() {
        return "saliency_head";
    }

    /** The head file is read before the encoder is opened, so no encoder run is needed to see it rejected. */
    @Override
    protected Optional<Function<Path, MaskProposer>> modelLoader() {
        SaliencyHeadConfig d = SaliencyHeadConfig.defaults();
        return Optional.of(head -> SaliencyHeadProposer.FACTORY.create(new SaliencyHeadConfig(
                head.getParent().toString(), head.toString(), d.threshold(), d.minComponent(), d.soft(),
                d.batchSize(), d.inputSide(), d.featureStage()), context()));
    }
}
