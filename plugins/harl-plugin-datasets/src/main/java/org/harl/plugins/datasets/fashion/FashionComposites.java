package org.harl.plugins.datasets.fashion;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.harl.plugins.datasets.synthetic.Backgrounds;
import org.harl.plugins.datasets.synthetic.Canvas;
import org.harl.plugins.datasets.synthetic.ClassHues;
import org.harl.plugins.datasets.synthetic.Colour;
import org.harl.plugins.datasets.synthetic.Placement;
import org.harl.plugins.datasets.SampleIds;
import org.harl.spi.ComponentFactory;
import org.harl.spi.ComponentKind;
import org.harl.spi.data.DatasetSource;
import org.harl.spi.data.Mask;
import org.harl.spi.data.Resampler;
import org.harl.spi.data.Sample;
import org.harl.spi.data.SeedMixer;
import org.harl.spi.data.Split;

/**
 * Fashion-MNIST items, colourised, pasted at a random scale and position onto the cluttered random-colour
 * backgrounds of {@code synthetic_objects}; the item's own pixels (> 0) give the exact mask; labels kept.
 */
public final class FashionComposites implements DatasetSource {

    /** Registers {@code fashion_composites}. */
    public static final ComponentFactory<FashionCompositesConfig, DatasetSource> FACTORY = ComponentFactory.of(
            ComponentKind.DATASET, "fashion_composites",
            "Fashion-MNIST items colourised and pasted on cluttered random-colour backgrounds, exact masks",
            FashionCompositesConfig.class, FashionCompositesConfig.defaults(),
            (config, context) -> new FashionComposites(context.resolvePath(config.dataDir()), config));

    private final FashionMnistData data;
    private final FashionCompositesConfig config;
    private final int trainSize;
    private final int testSize;
    private final double[] classHues;
    private final String idPrefix;

    public FashionComposites(Path dir, FashionCompositesConfig config) {
        this.data = new FashionMnistData(dir);
        this.config = config;
        this.trainSize = FashionMnist.limit(data.size(Split.TRAIN), config.trainLimit());
        this.testSize = FashionMnist.limit(data.size(Split.TEST), config.testLimit());
        this.classHues = ClassHues.assign(FashionMnistData.CLASSES.size(), new SplittableRandom(config.seed()));
        this.idPrefix = SampleIds.prefix("fashion_composites", dir.toAbsolutePath() + "|" + config);
    }

    @Override
    public long size(Split split) {
        return split == Split.TRAIN ? trainSize : testSize;
    }

    @Override
    public Sample get(Split split, long index) {
        if (index < 0 || index >= size(split)) {
            throw new IndexOutOfBoundsException("fashion_composites " + split + " index " + index + " outside [0, "
                    + size(split) + ")");
        }
        int s = config.imageSize();
        int label = data.label(split, (int) index);
        SplittableRandom rng = SeedMixer.random(config.seed(), split.ordinal(), index);
        Canvas canvas = new Canvas(s, s);
        Backgrounds.paint(canvas, config.background(), rng.split());
        SplittableRandom item = rng.split();
        Colour base = config.colourMode() == ColourMode.CLASS
                ? Colour.hsv(classHues[label] + Placement.symmetric(item, config.paletteJitter()),
                0.55 + 0.4 * item.nextDouble(), 0.6 + 0.4 * item.nextDouble())
                : Colour.random(item);
        Colour dark = base.mix(new Colour(0, 0, 0), 0.75);
        int side = Math.max(2, (int) Math.round(s * Math.sqrt(config.minScale()
                + (config.maxScale() - config.minScale()) * item.nextDouble())));
        double half = side / 2.0;
        int x0 = (int) Math.round(Placement.centre(item, half, s) - half);
        int y0 = (int) Math.round(Placement.centre(item, half, s) - half);
        FashionMnist.Item pasted = FashionMnist.Item.of(data.grey(split, (int) index), data.side(),
                Resampler.resize(data.side(), data.side(), side, side));
        float[] mask = new float[s * s];
        for (int y = Math.max(0, y0); y < Math.min(s, y0 + side); y++) {
            for (int x = Math.max(0, x0); x < Math.min(s, x0 + side); x++) {
                float a = pasted.alpha().get(x - x0, y - y0);
                if (a <= 0) {
                    continue;
                }
                // grey/alpha un-premultiplies the resampled grey level at the item's antialiased edge
                double shade = Math.min(1, pasted.grey().get(x - x0, y - y0) / a);
                canvas.blend(x, y, dark.mix(base, shade), a);
                mask[y * s + x] = a;
            }
        }
        String id = idPrefix + "/" + split.name().toLowerCase(java.util.Locale.ROOT) + "/" + index;
        return new Sample(id, canvas.toImage(), Optional.of(new Mask(s, s, mask)), label);
    }

    @Override
    public List<String> classNames() {
        return FashionMnistData.CLASSES;
    }

    @Override
    public boolean providesMasks() {
        return true;
    }
}
