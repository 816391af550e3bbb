package org.harl.plugins.datasets.fashion;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.harl.plugins.datasets.SampleIds;
import org.harl.spi.ComponentFactory;
import org.harl.spi.ComponentKind;
import org.harl.spi.data.DatasetSource;
import org.harl.spi.data.Mask;
import org.harl.spi.data.Resampler;
import org.harl.spi.data.RgbImage;
import org.harl.spi.data.Sample;
import org.harl.spi.data.Split;

/** Fashion-MNIST as grey RGB images; the item's own pixels (> 0) are its exact mask. */
public final class FashionMnist implements DatasetSource {

    /** Registers {@code fashion_mnist}. */
    public static final ComponentFactory<FashionMnistConfig, DatasetSource> FACTORY = ComponentFactory.of(
            ComponentKind.DATASET, "fashion_mnist",
            "Fashion-MNIST (apt-get install dataset-fashion-mnist), grey items with their exact masks",
            FashionMnistConfig.class, FashionMnistConfig.defaults(),
            (config, context) -> new FashionMnist(context.resolvePath(config.dataDir()), config));

    private final FashionMnistData data;
    private final int side;
    private final int trainSize;
    private final int testSize;
    private final Resampler resize;
    private final String idPrefix;

    public FashionMnist(Path dir, FashionMnistConfig config) {
        this.data = new FashionMnistData(dir);
        this.side = config.imageSize();
        this.trainSize = limit(data.size(Split.TRAIN), config.trainLimit());
        this.testSize = limit(data.size(Split.TEST), config.testLimit());
        this.resize = Resampler.resize(data.side(), data.side(), side, side);
        this.idPrefix = SampleIds.prefix("fashion_mnist", dir.toAbsolutePath() + "|" + side);
    }

    static int limit(int size, int limit) {
        return limit == 0 ? size : Math.min(size, limit);
    }

    @Override
    public long size(Split split) {
        return split == Split.TRAIN ? trainSize : testSize;
    }

    @Override
    public Sample get(Split split, long index) {
        if (index < 0 || index >= size(split)) {
            throw new IndexOutOfBoundsException("fashion_mnist " + split + " index " + index + " outside [0, "
                    + size(split) + ")");
        }
        float[] grey = data.grey(split, (int) index);
        Item item = Item.of(grey, data.side(), resize);
        float[] rgb = new float[3 * side * side];
        for (int c = 0; c < 3; c++) {
            System.arraycopy(item.grey().data(), 0, rgb, c * side * side, side * side);
        }
        return new Sample(idPrefix + "/" + split.name().toLowerCase(java.util.Locale.ROOT) + "/" + index,
                new RgbImage(side, side, rgb),
                Optional.of(item.alpha()), data.label(split, (int) index));
    }

    @Override
    public List<String> classNames() {
        return FashionMnistData.CLASSES;
    }

    @Override
    public boolean providesMasks() {
        return true;
    }

    /**
     * A resized item: grey levels and coverage (pixels > 0 of the original), both through the same resampler.
     */
    record Item(Mask grey, Mask alpha) {
        static Item of(float[] grey, int side, Resampler resize) {
            float[] alpha = new float[grey.length];
            for (int i = 0; i < grey.length; i++) {
                alpha[i] = grey[i] > 0 ? 1f : 0f;
            }
            return new Item(resize.apply(new Mask(side, side, grey)), resize.apply(new Mask(side, side, alpha)));
        }
    }
}
