package org.harl.plugins.masks;

import org.harl.spi.ComponentFactory;
import org.harl.spi.ComponentKind;
import org.harl.spi.config.Doc;
import org.harl.spi.config.InvalidConfigException;
import org.harl.spi.data.Mask;
import org.harl.spi.data.Sample;
import org.harl.spi.mask.MaskProposer;

/**
 * One FH segmentation (HARL's σ = 0.8, s = 1000 at ImageNet size); foreground = every segment that covers less than
 * {@code max_border_fraction} of the image border (the border-connectivity prior: background touches the frame).
 */
public final class FelzenszwalbProposer implements MaskProposer {

    public record Config(
            @Doc("FH scale k (0-255 intensity scale)") double scale,
            @Doc("Gaussian smoothing sigma") double sigma,
            @Doc("minimum segment size at reference_pixels, scaled with the image area") int minSize,
            @Doc("image area at which min_size applies (ImageNet's mean is about 500x375)") int referencePixels,
            @Doc("segments covering at least this fraction of the image border are background") double maxBorderFraction) {
        public Config {
            InvalidConfigException.check(scale > 0, "scale", "must be > 0, got " + scale);
            InvalidConfigException.check(sigma >= 0, "sigma", "must be >= 0, got " + sigma);
            InvalidConfigException.check(minSize >= 1, "min_size", "must be >= 1, got " + minSize);
            InvalidConfigException.check(referencePixels > 0, "reference_pixels", "must be > 0");
            InvalidConfigException.check(maxBorderFraction > 0 && maxBorderFraction <= 1, "max_border_fraction",
                    "must be in (0, 1], got " + maxBorderFraction);
        }
    }

    private final Config config;

    public FelzenszwalbProposer(Config config) {
        this.config = config;
    }

    @Override
    public Mask propose(Sample sample) {
        int w = sample.image().width();
        int h = sample.image().height();
        int minSize = Math.max(8, (int) Math.round(config.minSize() * (double) w * h / config.referencePixels()));
        Segmentation seg = Felzenszwalb.segment(sample.image(), config.scale(), config.sigma(), minSize);
        int[] border = new int[seg.count()];
        int[] labels = seg.labels();
        for (int x = 0; x < w; x++) {
            border[labels[x]]++;
            border[labels[(h - 1) * w + x]]++;
        }
        for (int y = 0; y < h; y++) {
            border[labels[y * w]]++;
            border[labels[y * w + w - 1]]++;
        }
        double frame = 2.0 * (w + h);
        float[] m = new float[w * h];
        for (int i = 0; i < m.length; i++) {
            m[i] = border[labels[i]] / frame < config.maxBorderFraction() ? 1f : 0f;
        }
        return new Mask(w, h, m);
    }

    /** Registers {@code felzenszwalb}. */
    public static final ComponentFactory<Config, MaskProposer> FACTORY = ComponentFactory.of(
            ComponentKind.MASK_PROPOSER, "felzenszwalb", "FH segments that do not touch the image border",
            Config.class, new Config(500, 0.8, 1000, 187_500, 0.05),
            (config, context) -> new FelzenszwalbProposer(config));
}
