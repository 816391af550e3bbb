package org.harl.plugins.deepmasks;

import java.util.List;
import org.harl.spi.ComponentFactory;
import org.harl.spi.HarlPlugin;

/** Deep mask proposers: {@code torchscript} and {@code saliency_head}. */
public final class DeepMasksPlugin implements HarlPlugin {

    @Override
    public List<ComponentFactory<?, ?>> factories() {
        return List.of(TorchScriptProposer.FACTORY, SaliencyHeadProposer.FACTORY);
    }
}
