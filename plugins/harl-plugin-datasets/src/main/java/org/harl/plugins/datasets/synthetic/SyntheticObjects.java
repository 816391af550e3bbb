package org.harl.plugins.datasets.synthetic;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.harl.plugins.datasets.SampleIds;
import org.harl.spi.ComponentFactory;
import org.harl.spi.ComponentKind;
import org.harl.spi.data.DatasetSource;
import org.harl.spi.data.Mask;
import org.harl.spi.data.Sample;
import org.harl.spi.data.SeedMixer;
import org.harl.spi.data.Split;

/**
 * Generated on the fly, no files: one object of class {@code index % classes} on a cluttered background with
 * random colours; the exact object mask as ground truth. Image {@code (split, index)} depends only on the config.
 */
public final class SyntheticObjects implements DatasetSource {

    /** Registers {@code synthetic_objects}. */
    public static final ComponentFactory<SyntheticObjectsConfig, DatasetSource> FACTORY = ComponentFactory.of(
            ComponentKind.DATASET, "synthetic_objects",
            "generated objects (class shape + palette + texture) on random cluttered backgrounds, exact masks",
            SyntheticObjectsConfig.class, SyntheticObjectsConfig.defaults(),
            (config, context) -> new SyntheticObjects(config));

    private final SyntheticObjectsConfig config;
    private final List<ObjectClass> classes;
    private final ObjectPainter painter;
    private final String idPrefix;

    public SyntheticObjects(SyntheticObjectsConfig config) {
        this.config = config;
        this.classes = ObjectClass.make(config.classes(), config.seed());
        this.painter = new ObjectPainter(config.minScale(), config.maxScale(), config.paletteJitter());
        this.idPrefix = SampleIds.prefix("synthetic_objects", config.toString());
    }

    @Override
    public long size(Split split) {
        return split == Split.TRAIN ? config.trainSize() : config.testSize();
    }

    @Override
    public Sample get(Split split, long index) {
        if (index < 0 || index >= size(split)) {
            throw new IndexOutOfBoundsException("synthetic_objects " + split.name().toLowerCase(java.util.Locale.ROOT)
                    + " index " + index + " outside [0, " + size(split) + ")");
        }
        int s = config.imageSize();
        SplittableRandom rng = SeedMixer.random(config.seed(), split.ordinal(), index);
        int label = (int) (index % classes.size());
        Canvas canvas = new Canvas(s, s);
        Backgrounds.paint(canvas, config.background(), rng.split());
        float[] mask = new float[s * s];
        painter.paint(canvas, mask, classes.get(label), rng.split());
        String id = idPrefix + "/" + split.name().toLowerCase(java.util.Locale.ROOT) + "/" + index;
        return new Sample(id, canvas.toImage(), Optional.of(new Mask(s, s, mask)), label);
    }

    @Override
    public List<String> classNames() {
        return classes.stream().map(ObjectClass::name).toList();
    }

    @Override
    public boolean providesMasks() {
        return true;
    }
}
