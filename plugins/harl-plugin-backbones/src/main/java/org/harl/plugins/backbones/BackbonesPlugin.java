package org.harl.plugins.backbones;

import java.util.List;
import org.harl.spi.ComponentFactory;
import org.harl.spi.HarlPlugin;

/** ResNet trunks exposing the C5 feature map: {@code resnet18}, {@code resnet50}, {@code tiny_resnet}. */
public final class BackbonesPlugin implements HarlPlugin {

    @Override
    public List<ComponentFactory<?, ?>> factories() {
        return List.of(ResNetBackbone.RESNET18, ResNetBackbone.RESNET50, ResNetBackbone.TINY_RESNET);
    }
}
