package org.harl.plugins.masks;

import org.harl.spi.ComponentFactory;
import org.harl.spi.ComponentKind;
import org.harl.spi.PluginContext;
import org.harl.spi.data.Mask;
import org.harl.spi.data.Sample;
import org.harl.spi.mask.MaskProposer;

/** The all-ones mask: HARL degenerates to whole-image pooling (the BYOL-like baseline). */
public final class FullImageProposer implements MaskProposer {

    /** No settings. */
    public record Config() {
    }

    @Override
    public Mask propose(Sample sample) {
        return Mask.filled(sample.image().width(), sample.image().height(), 1f);
    }

    public static final class Factory implements ComponentFactory<Config, MaskProposer> {
        public ComponentKind kind() {
            return ComponentKind.MASK_PROPOSER;
        }

        public String name() {
            return "full_image";
        }

        public String description() {
            return "all-ones mask (whole image is foreground)";
        }

        public Class<Config> configType() {
            return Config.class;
        }

        public Config defaults() {
            return new Config();
        }

        public MaskProposer create(Config config, PluginContext context) {
            return new FullImageProposer();
        }
    }
}
