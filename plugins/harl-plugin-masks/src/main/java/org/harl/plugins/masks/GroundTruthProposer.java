package org.harl.plugins.masks;

import org.harl.spi.ComponentFactory;
import org.harl.spi.ComponentKind;
import org.harl.spi.data.Mask;
import org.harl.spi.data.Sample;
import org.harl.spi.mask.MaskProposer;

/** Passes through the dataset's exact mask (synthetic data, mask folders): the oracle upper bound. */
public final class GroundTruthProposer implements MaskProposer {

    /** No settings. */
    public record Config() {
    }

    @Override
    public Mask propose(Sample sample) {
        Mask m = sample.groundTruth().orElseThrow(() -> new IllegalArgumentException("sample '" + sample.id()
                + "' has no ground-truth mask: mask_proposer 'ground_truth' needs a dataset that provides exact masks "
                + "(e.g. synthetic_objects); use drfi, center_prior or precomputed otherwise"));
        if (m.width() != sample.image().width() || m.height() != sample.image().height()) {
            throw new IllegalArgumentException("sample '" + sample.id() + "': ground-truth mask is " + m.width() + "x"
                    + m.height() + " but the image is " + sample.image().width() + "x" + sample.image().height());
        }
        return m;
    }

    /** Registers {@code ground_truth}. */
    public static final ComponentFactory<Config, MaskProposer> FACTORY = ComponentFactory.of(
            ComponentKind.MASK_PROPOSER, "ground_truth", "the dataset's exact masks (error if it has none)",
            Config.class, new Config(), (config, context) -> new GroundTruthProposer());
}
