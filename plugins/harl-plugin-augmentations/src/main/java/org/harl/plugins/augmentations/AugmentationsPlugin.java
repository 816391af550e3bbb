package org.harl.plugins.augmentations;

import java.util.List;
import org.harl.spi.ComponentFactory;
import org.harl.spi.HarlPlugin;

/** Augmentations: {@code byol}. */
public final class AugmentationsPlugin implements HarlPlugin {

    @Override
    public List<ComponentFactory<?, ?>> factories() {
        return List.of(ByolAugmentation.FACTORY);
    }
}
