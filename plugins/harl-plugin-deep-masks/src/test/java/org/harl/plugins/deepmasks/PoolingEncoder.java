package org.harl.plugins.deepmasks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/** A stand-in encoder for fast tests: C5 = the RGB image average-pooled by {@code factor} (3 channels). */
final class PoolingEncoder implements FeatureEncoder {

    final int side;
    final int factor;
    volatile boolean closed;

    PoolingEncoder(int side, int factor) {
        this.side = side;
        this.factor = factor;
    }

    @Override
    public int inputSide() {
        return side;
    }

    @Override
    public NDArray map(NDManager manager, float[] images, int n, int s) {
        if (closed) {
            throw new IllegalStateException("closed");
        }
        int g = s / factor;
        float[] out = new float[n * 3 * g * g];
        for (int k = 0; k < n; k++) {
            for (int c = 0; c < 3; c++) {
                for (int y = 0; y < s; y++) {
                    for (int x = 0; x < s; x++) {
                        out[((k * 3 + c) * g + y / factor) * g + x / factor] +=
                                images[((k * 3 + c) * s + y) * s + x] / (factor * factor);
                    }
                }
            }
        }
        return manager.create(out, new Shape(n, 3, g, g));
    }

    @Override
    public void close() {
        closed = true;
    }
}
