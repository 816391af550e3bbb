package org.harl.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.harl.core.config.ComponentBinder;
import org.harl.core.config.ResolvedConfig;
import org.harl.core.registry.EncoderOpener;
import org.harl.core.registry.PluginContexts;
import org.harl.core.registry.PluginRegistry;
import org.harl.spi.augment.Augmentation;
import org.harl.spi.encoder.FeatureStage;
import org.harl.spi.encoder.FrozenEncoder;

/** Opens a run's {@link TrainedEncoder} together with the augmentation it trained with. */
@Singleton
public final class RunEncoderOpener implements EncoderOpener {

    private final PluginRegistry registry;
    private final ComponentBinder binder;

    @Inject
    public RunEncoderOpener(PluginRegistry registry, ComponentBinder binder) {
        this.registry = registry;
        this.binder = binder;
    }

    @Override
    public FrozenEncoder open(Path runDirectory) {
        TrainedEncoder encoder;
        try {
            encoder = TrainedEncoder.load(runDirectory, registry);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot load the encoder of " + runDirectory + ": " + e.getMessage(),
                    e);
        }
        try {
            Augmentation augmentation = registry.create(encoder.experiment().augmentation(),
                    new PluginContexts(registry, binder)
                            .forExperiment(encoder.experiment(), Optional.of(runDirectory)), Augmentation.class);
            return new Opened(encoder, augmentation,
                    List.of(runDirectory.resolve(ResolvedConfig.FILE_NAME), encoder.checkpoint()));
        } catch (RuntimeException e) {
            encoder.close();
            throw e;
        }
    }

    private record Opened(TrainedEncoder encoder, Augmentation augmentation, List<Path> files)
            implements FrozenEncoder {

        @Override
        public NDArray c5(NDManager manager, float[] images, int n, int side) {
            return encoder.c5(manager, images, n, side);
        }

        @Override
        public NDArray features(NDManager manager, float[] images, int n, int side, FeatureStage stage) {
            return encoder.features(manager, images, n, side, stage);
        }

        @Override
        public void close() {
            encoder.close();
        }
    }
}
