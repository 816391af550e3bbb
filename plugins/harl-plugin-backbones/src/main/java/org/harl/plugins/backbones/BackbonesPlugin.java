package org.harl.plugins.backbones;

import java.util.List;
import java.util.function.Function;
import org.harl.spi.ComponentFactory;
import org.harl.spi.ComponentKind;
import org.harl.spi.HarlPlugin;
import org.harl.spi.PluginContext;
import org.harl.spi.backbone.Backbone;

/** ResNet trunks exposing the C5 feature map: {@code resnet18}, {@code resnet50}, {@code tiny_resnet}. */
public final class BackbonesPlugin implements HarlPlugin {

    @Override
    public List<ComponentFactory<?, ?>> factories() {
        return List.of(
                new Factory<>("resnet18", "ResNet-18 (basic units, 11.2 M parameters), C5 = 512 channels",
                        ResNetConfig.class, ResNetConfig.defaults(), c -> ResNetBackbone.resnet18(c.stem())),
                new Factory<>("resnet50", "ResNet-50 (bottleneck units, 23.5 M parameters), C5 = 2048 channels",
                        ResNetConfig.class, ResNetConfig.defaults(), c -> ResNetBackbone.resnet50(c.stem())),
                new Factory<>("tiny_resnet", "narrow ResNet for tests and quick CPU runs",
                        TinyResNetConfig.class, TinyResNetConfig.defaults(), TinyResNetConfig::backbone));
    }

    private record Factory<C extends Record>(String name, String description, Class<C> configType, C defaults,
                                             Function<C, Backbone> build) implements ComponentFactory<C, Backbone> {
        @Override
        public ComponentKind kind() {
            return ComponentKind.BACKBONE;
        }

        @Override
        public Backbone create(C config, PluginContext context) {
            return build.apply(config);
        }
    }
}
