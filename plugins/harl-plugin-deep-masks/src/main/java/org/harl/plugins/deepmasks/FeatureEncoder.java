package org.harl.plugins.deepmasks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.List;
import org.harl.spi.encoder.FeatureStage;

/** The part of a frozen encoder a saliency head needs: square images in, the feature map of {@link #stage()} out. */
public interface FeatureEncoder extends AutoCloseable {

    /** Side of the square images the encoder was trained on; inputs are resized to it. */
    int inputSide();

    /**
     * The feature map (n, C, h, w) of {@link #stage()} for {@code n} planar RGB images of {@code side x side} with
     * values in [0, 1] (the encoder applies its own input normalisation and must not modify {@code images}),
     * created in {@code manager}.
     */
    NDArray map(NDManager manager, float[] images, int n, int side);

    /** Which of the encoder's maps {@link #map} returns; default C5. */
    default FeatureStage stage() {
        return FeatureStage.C5;
    }

    /** The files the features depend on (the run's config and checkpoint), for the mask cache key; default none. */
    default List<Path> files() {
        return List.of();
    }

    @Override
    default void close() {
    }
}
