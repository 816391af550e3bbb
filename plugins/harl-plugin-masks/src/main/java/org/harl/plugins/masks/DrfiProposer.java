package org.harl.plugins.masks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.harl.spi.ComponentFactory;
import org.harl.spi.ComponentKind;
import org.harl.spi.PluginContext;
import org.harl.spi.data.Mask;
import org.harl.spi.data.Sample;
import org.harl.spi.mask.MaskProposer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** DRFI saliency (multi-level FH + regional features + random forest), binarised adaptively. */
public final class DrfiProposer implements MaskProposer {

    /** Classpath location of the forest that ships with harl. */
    public static final String BUNDLED_FOREST = "/org/harl/plugins/masks/drfi-forest.bin.gz";

    private static final Logger LOG = LoggerFactory.getLogger(DrfiProposer.class);

    private static volatile RegressionForest bundled;

    private final DrfiConfig config;
    private final DrfiSaliency saliency;
    private final List<Path> modelFiles;
    private final ModelProvenance provenance;

    public DrfiProposer(DrfiConfig config, RegressionForest forest) {
        this(config, forest, List.of());
    }

    /** @param modelFiles the forest file read, if any (the bundled forest is part of the plugin's code) */
    public DrfiProposer(DrfiConfig config, RegressionForest forest, List<Path> modelFiles) {
        this.config = config;
        this.saliency = new DrfiSaliency(config, forest);
        this.modelFiles = List.copyOf(modelFiles);
        this.provenance = forest.provenance();
    }

    @Override
    public List<Path> modelFiles() {
        return modelFiles;
    }

    /** Where this proposer's forest came from (printed by {@code harl masks eval}). */
    public ModelProvenance provenance() {
        return provenance;
    }

    @Override
    public java.util.Optional<String> modelProvenance() {
        return java.util.Optional.of(provenance.describe());
    }

    /** Logs a WARN when {@code forest} is not label-free (supervised or of unknown provenance); returns the text. */
    static String warnIfNotLabelFree(RegressionForest forest, String model) {
        String warning = forest.provenance().loadWarning("DRFI forest " + model);
        if (warning != null) {
            LOG.warn(warning);
        }
        return warning;
    }

    /** The forest bundled as a resource (loaded once). */
    public static RegressionForest bundledForest() {
        RegressionForest f = bundled;
        if (f == null) {
            synchronized (DrfiProposer.class) {
                if (bundled == null) {
                    try (InputStream in = DrfiProposer.class.getResourceAsStream(BUNDLED_FOREST)) {
                        if (in == null) {
                            throw new IllegalStateException("the DRFI forest resource " + BUNDLED_FOREST
                                    + " is missing from this build; train one with 'harl masks train-drfi' and set "
                                    + "mask_proposer.model");
                        }
                        bundled = RegressionForest.read(in, "resource " + BUNDLED_FOREST);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                f = bundled;
            }
        }
        return f;
    }

    /** Reads a forest file written by {@code harl masks train-drfi}; an unreadable one is an argument error naming it. */
    public static RegressionForest readForest(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("DRFI forest " + file + " does not exist; train one with "
                    + "'harl masks train-drfi' or leave mask_proposer.model empty for the bundled forest");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return RegressionForest.read(in, file.toString());
        } catch (IOException | RuntimeException e) { // a corrupt stream can also fail as a negative array size
            throw new IllegalArgumentException("cannot read DRFI forest " + file + ": " + e.getMessage(), e);
        }
    }

    /** The continuous saliency map with its timing breakdown. */
    public DrfiSaliency.Result saliency(Sample sample) {
        return saliency.compute(sample.image());
    }

    @Override
    public Mask propose(Sample sample) {
        int w = sample.image().width();
        int h = sample.image().height();
        float[] map = saliency.compute(sample.image()).map();
        return config.threshold() > 0
                ? Binarization.binarizeAt(map, w, h, config.threshold(), config.minComponentFraction())
                : Binarization.binarize(map, w, h, config.maxThreshold(), config.minComponentFraction());
    }

    /** Registers {@code drfi}. */
    public static final ComponentFactory<DrfiConfig, MaskProposer> FACTORY = ComponentFactory.of(
            ComponentKind.MASK_PROPOSER, "drfi",
            "DRFI regional saliency over multi-level Felzenszwalb segmentations, adaptive threshold",
            DrfiConfig.class, DrfiConfig.defaults(), DrfiProposer::create);

    private static MaskProposer create(DrfiConfig config, PluginContext context) {
        if (config.model().isEmpty()) {
            RegressionForest forest = bundledForest();
            warnIfNotLabelFree(forest, "resource " + BUNDLED_FOREST);
            return new DrfiProposer(config, forest);
        }
        Path model = context.resolvePath(config.model());
        RegressionForest forest = readForest(model);
        warnIfNotLabelFree(forest, model.toString());
        return new DrfiProposer(config, forest, List.of(model));
    }
}
