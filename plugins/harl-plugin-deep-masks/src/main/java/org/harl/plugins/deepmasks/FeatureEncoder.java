package org.harl.plugins.deepmasks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.List;

/** The part of a frozen encoder a saliency head needs: square images in, the C5 map out. */
public interface FeatureEncoder extends AutoCloseable {

    /** Side of the square images the encoder was trained on; inputs are resized to it. */
    int inputSide();

    /**
     * C5 map (n, C, h, w) of {@code n} planar RGB images of {@code side x side} with values in [0, 1] (the encoder
     * applies its own input normalisation and must not modify {@code images}), created in {@code manager}.
     */
    NDArray c5(NDManager manager, float[] images, int n, int side);

    /** The files the features depend on (the run's config and checkpoint), for the mask cache key; default none. */
    default List<Path> files() {
        return List.of();
    }

    @Override
    default void close() {
    }
}
