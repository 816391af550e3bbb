package org.harl.plugins.masks;

import org.harl.spi.ComponentFactory;
import org.harl.spi.ComponentKind;
import org.harl.spi.config.Doc;
import org.harl.spi.config.InvalidConfigException;
import org.harl.spi.data.Mask;
import org.harl.spi.data.Sample;
import org.harl.spi.mask.MaskProposer;

/** A centred ellipse with the image's aspect ratio covering a fixed fraction of the image: photographers' bias. */
public final class CenterPriorProposer implements MaskProposer {

    public record Config(@Doc("fraction of the image area inside the centred ellipse, in (0, 0.785]") double areaFraction) {
        public Config {
            InvalidConfigException.check(areaFraction > 0 && areaFraction <= Math.PI / 4, "area_fraction",
                    "must be in (0, pi/4] (the inscribed ellipse), got " + areaFraction);
        }
    }

    private final double radius; // semi-axes as fractions of half width / half height

    public CenterPriorProposer(Config config) {
        // ellipse area = pi * (r*w/2) * (r*h/2) = areaFraction * w * h
        this.radius = Math.sqrt(4 * config.areaFraction() / Math.PI);
    }

    @Override
    public Mask propose(Sample sample) {
        int w = sample.image().width();
        int h = sample.image().height();
        float[] d = new float[w * h];
        double ax = radius * w / 2;
        double ay = radius * h / 2;
        for (int y = 0; y < h; y++) {
            double dy = (y + 0.5 - h / 2.0) / ay;
            for (int x = 0; x < w; x++) {
                double dx = (x + 0.5 - w / 2.0) / ax;
                d[y * w + x] = dx * dx + dy * dy <= 1 ? 1f : 0f;
            }
        }
        return new Mask(w, h, d);
    }

    /** Registers {@code center_prior}. */
    public static final ComponentFactory<Config, MaskProposer> FACTORY = ComponentFactory.of(
            ComponentKind.MASK_PROPOSER, "center_prior", "centred ellipse covering a fixed fraction of the image",
            Config.class, new Config(0.3), (config, context) -> new CenterPriorProposer(config));
}
