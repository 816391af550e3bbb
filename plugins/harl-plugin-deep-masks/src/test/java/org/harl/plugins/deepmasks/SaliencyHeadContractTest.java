package org.harl.plugins.deepmasks;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import org.harl.spi.data.Mask;
import org.harl.spi.data.Sample;
import org.harl.spi.mask.MaskProposer;
import org.harl.testing.ContractImages;
import org.harl.testing.MaskProposerContract;
import org.junit.jupiter.api.Test;

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

    /** Beyond the shared contract: foreground is the head's probability above the threshold, so it only shrinks. */
    @Test
    void aHigherThresholdNeverMarksMoreForeground() {
        MaskProposer low = new SaliencyHeadProposer(new EncoderGrid(new PoolingEncoder(32, 4), 8), HEAD, 0.3, 0, false);
        MaskProposer high = new SaliencyHeadProposer(new EncoderGrid(new PoolingEncoder(32, 4), 8), HEAD, 0.7, 0,
                false);
        double lowArea = 0;
        double highArea = 0;
        for (Sample s : ContractImages.samples()) {
            Mask a = low.propose(s);
            Mask b = high.propose(s);
            for (int i = 0; i < a.data().length; i++) {
                assertTrue(b.data()[i] <= a.data()[i], s.id() + " pixel " + i);
                lowArea += a.data()[i];
                highArea += b.data()[i];
            }
        }
        assertTrue(lowArea > highArea, "the thresholds should separate some pixels: " + lowArea + " vs " + highArea);
    }
}
