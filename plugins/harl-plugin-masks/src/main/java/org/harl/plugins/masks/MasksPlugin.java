package org.harl.plugins.masks;

import java.util.List;
import org.harl.spi.ComponentFactory;
import org.harl.spi.HarlPlugin;

/** Mask proposers: drfi, felzenszwalb, full_image, center_prior, precomputed, ground_truth. */
public final class MasksPlugin implements HarlPlugin {

    @Override
    public List<ComponentFactory<?, ?>> factories() {
        return List.of(new DrfiProposer.Factory(), new FelzenszwalbProposer.Factory(), new FullImageProposer.Factory(),
                new CenterPriorProposer.Factory(), new PrecomputedProposer.Factory(), new GroundTruthProposer.Factory());
    }
}
