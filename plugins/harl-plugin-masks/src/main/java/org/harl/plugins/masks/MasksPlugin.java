package org.harl.plugins.masks;

import java.util.List;
import org.harl.spi.ComponentFactory;
import org.harl.spi.HarlPlugin;

/** Mask proposers: drfi, felzenszwalb, full_image, center_prior, precomputed, ground_truth. */
public final class MasksPlugin implements HarlPlugin {

    @Override
    public List<ComponentFactory<?, ?>> factories() {
        return List.of(DrfiProposer.FACTORY, FelzenszwalbProposer.FACTORY, FullImageProposer.FACTORY,
                CenterPriorProposer.FACTORY, PrecomputedProposer.FACTORY, GroundTruthProposer.FACTORY);
    }
}
