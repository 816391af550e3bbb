package org.harl.plugins.masks;

import org.harl.spi.ComponentFactory;
import org.harl.spi.ComponentKind;
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

    /** Registers {@code full_image}. */
    public static final ComponentFactory<Config, MaskProposer> FACTORY = ComponentFactory.of(
            ComponentKind.MASK_PROPOSER, "full_image", "all-ones mask (whole image is foreground)",
            Config.class, new Config(), (config, context) -> new FullImageProposer());
}
