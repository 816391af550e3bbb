package org.harl.plugins.losses;

import java.util.List;
import org.harl.spi.ComponentFactory;
import org.harl.spi.ComponentKind;
import org.harl.spi.HarlPlugin;
import org.harl.spi.PluginContext;
import org.harl.spi.loss.SslLoss;

/** The objectives: {@code byol} (global pooling) and {@code harl} (image, foreground and background pooling). */
public final class LossesPlugin implements HarlPlugin {

    @Override
    public List<ComponentFactory<?, ?>> factories() {
        return List.of(new ByolFactory(), new HarlFactory());
    }

    static final class ByolFactory implements ComponentFactory<ByolLossConfig, SslLoss> {
        @Override
        public ComponentKind kind() {
            return ComponentKind.LOSS;
        }

        @Override
        public String name() {
            return "byol";
        }

        @Override
        public String description() {
            return "BYOL: 2 - 2 cos on globally pooled C5, both directions summed";
        }

        @Override
        public Class<ByolLossConfig> configType() {
            return ByolLossConfig.class;
        }

        @Override
        public ByolLossConfig defaults() {
            return ByolLossConfig.defaults();
        }

        @Override
        public SslLoss create(ByolLossConfig config, PluginContext context) {
            return new ByolLoss();
        }
    }

    static final class HarlFactory implements ComponentFactory<HarlLossConfig, SslLoss> {
        @Override
        public ComponentKind kind() {
            return ComponentKind.LOSS;
        }

        @Override
        public String name() {
            return "harl";
        }

        @Override
        public String description() {
            return "HARL: beta * L_img + (1 - beta) * (alpha * L_fg + (1 - alpha) * L_bg), masked-mean pooling";
        }

        @Override
        public Class<HarlLossConfig> configType() {
            return HarlLossConfig.class;
        }

        @Override
        public HarlLossConfig defaults() {
            return HarlLossConfig.defaults();
        }

        @Override
        public SslLoss create(HarlLossConfig config, PluginContext context) {
            return new HarlLoss(config);
        }
    }
}
