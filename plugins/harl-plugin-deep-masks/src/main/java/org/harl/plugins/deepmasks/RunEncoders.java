package org.harl.plugins.deepmasks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.List;
import org.harl.spi.PluginContext;
import org.harl.spi.augment.Augmentation;
import org.harl.spi.encoder.FeatureStage;
import org.harl.spi.encoder.FrozenEncoder;

/**
 * Opens the frozen online encoder of a run as a {@link FeatureEncoder}: whole images at the run augmentation's
 * output side, normalised as its evaluation view normalises them.
 */
public final class RunEncoders {

    private RunEncoders() {
    }

    /** Opens {@code runDir}'s latest checkpoint through the context, giving C5; errors name the run directory. */
    public static FeatureEncoder open(PluginContext context, Path runDir) {
        return open(context, runDir, FeatureStage.C5);
    }

    /** As {@link #open(PluginContext, Path)}, giving the map of {@code stage}. */
    public static FeatureEncoder open(PluginContext context, Path runDir, FeatureStage stage) {
        FrozenEncoder encoder = context.openEncoder(runDir);
        try {
            Augmentation augmentation = encoder.augmentation();
            return new Frozen(encoder, stage, augmentation.outputSize(), AugmentationNormalization.of(augmentation),
                    encoder.files());
        } catch (RuntimeException e) {
            encoder.close();
            throw e;
        }
    }

    private record Frozen(FrozenEncoder encoder, FeatureStage stage, int inputSide,
            AugmentationNormalization normalisation, List<Path> files) implements FeatureEncoder {

        @Override
        public NDArray map(NDManager manager, float[] images, int n, int side) {
            return encoder.features(manager, normalisation.apply(images, n, side), n, side, stage);
        }

        @Override
        public void close() {
            encoder.close();
        }
    }
}
