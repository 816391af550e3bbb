package org.harl.plugins.losses;

import java.util.List;
import org.harl.spi.ComponentFactory;
import org.harl.spi.HarlPlugin;

/** The objectives: {@code byol} (global pooling) and {@code harl} (image, foreground and background pooling). */
public final class LossesPlugin implements HarlPlugin {

    @Override
    public List<ComponentFactory<?, ?>> factories() {
        return List.of(ByolLoss.FACTORY, HarlLoss.FACTORY);
    }
}
