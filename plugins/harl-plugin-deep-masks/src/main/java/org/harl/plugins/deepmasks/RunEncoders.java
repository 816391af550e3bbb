package org.harl.plugins.deepmasks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.harl.core.config.ComponentBinder;
import org.harl.core.config.ResolvedConfig;
import org.harl.core.registry.PluginContexts;
import org.harl.core.registry.PluginRegistry;
import org.harl.core.train.TrainedEncoder;
import org.harl.spi.augment.Augmentation;

/**
 * Opens the frozen online encoder of a run as a {@link FeatureEncoder}: whole images at the run augmentation's
 * output side, normalised as its evaluation view normalises them.
 */
public final class RunEncoders {

    private RunEncoders() {
    }

    /** Loads {@code runDir}'s latest checkpoint; errors name the run directory. */
    public static FeatureEncoder open(Path runDir, PluginRegistry registry) {
        TrainedEncoder encoder;
        try {
            encoder = TrainedEncoder.load(runDir, registry);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot load the encoder of " + runDir + ": " + e.getMessage(), e);
        }
        try {
            Augmentation augmentation = registry.create(encoder.experiment().augmentation(),
                    new PluginContexts(registry, new ComponentBinder(registry))
                            .forExperiment(encoder.experiment(), Optional.of(runDir)), Augmentation.class);
            return new Frozen(encoder, augmentation.outputSize(), EvaluationNormalisation.of(augmentation),
                    List.of(runDir.resolve(ResolvedConfig.FILE_NAME), encoder.checkpoint()));
        } catch (RuntimeException e) {
            encoder.close();
            throw e;
        }
    }

    private record Frozen(TrainedEncoder encoder, int inputSide, EvaluationNormalisation normalisation,
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
