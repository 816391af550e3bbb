package org.harl.plugins.examplemasks;

import java.util.List;
import org.harl.spi.ComponentFactory;
import org.harl.spi.HarlPlugin;

/** The example plugin of docs/writing-a-mask-proposer.md: one mask proposer, {@code color_contrast}. */
public final class ExampleMasksPlugin implements HarlPlugin {

    @Override
    public List<ComponentFactory<?, ?>> factories() {
        return List.of(ColorContrastProposer.FACTORY);
    }
}
