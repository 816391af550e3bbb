package org.harl.plugins.deepmasks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.List;
import org.harl.spi.PluginContext;
import org.harl.spi.augment.Augmentation;
import org.harl.spi.encoder.FrozenEncoder;

/**
 * Opens the frozen online encoder of a run as a {@link FeatureEncoder}: whole images at the run augmentation's
 * output side, normalised as its evaluation view normalises them.
 */
public final class RunEncoders {

    private RunEncoders() {
    }

    /** Opens {@code runDir}'s latest checkpoint through the context; errors name the run directory. */
    public static FeatureEncoder open(PluginContext context, Path runDir) {
        FrozenEncoder encoder = context.openEncoder(runDir);
        try {
            Augmentation augmentation = encoder.augmentation();
            return new Frozen(encoder, augmentation.outputSize(), AugmentationNormalization.of(augmentation),
                    encoder.files());
        } catch (RuntimeException e) {
            encoder.close();
            throw e;
        }
    }

    private record Frozen(FrozenEncoder encoder, int inputSide, AugmentationNormalization normalisation,
            List<Path> files) implements FeatureEncoder {

        @Override
        public NDArray c5(NDManager manager, float[] images, int n, int side) {
            return encoder.c5(manager, normalisation.apply(images, n, side), n, side);
        }

        @Override
        public void close() {
            encoder.close();
        }
    }
}
