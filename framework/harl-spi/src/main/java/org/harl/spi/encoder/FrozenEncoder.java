package org.harl.spi.encoder;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.List;
import org.harl.spi.augment.Augmentation;

/**
 * The online encoder of a trained run, frozen (weights of its latest checkpoint, batch norm on running statistics),
 * as {@link org.harl.spi.PluginContext#openEncoder} opens it for plugins that work on learned features. Not
 * thread-safe; close it to free its native memory.
 */
public interface FrozenEncoder extends AutoCloseable {

    /**
     * The augmentation the run trained with: its {@link Augmentation#outputSize()} is the encoder's input side and
     * its {@link Augmentation#evaluationView} shows how inputs are normalised.
     */
    Augmentation augmentation();

    /**
     * The C5 map (n, C, h, w) of {@code n} planar images (n, 3, side, side) that are already normalised as the
     * augmentation normalises them; the result is attached to {@code manager}.
     */
    NDArray c5(NDManager manager, float[] images, int n, int side);

    /**
     * The map of {@code stage} for the same inputs as {@link #c5}. By default only {@link FeatureStage#C5}; an
     * encoder that can stop one stage early overrides this.
     *
     * @throws IllegalArgumentException when this encoder has no such stage (names {@code feature_stage})
     */
    default NDArray features(NDManager manager, float[] images, int n, int side, FeatureStage stage) {
        if (stage == FeatureStage.C5) {
            return c5(manager, images, n, side);
        }
        throw new IllegalArgumentException("feature_stage: this encoder gives no " + stage.key() + " map; use c5");
    }

    /** The files whose content determines this encoder (its run's config and checkpoint), for cache keys. */
    default List<Path> files() {
        return List.of();
    }

    @Override
    void close();
}
