package org.harl.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import org.harl.core.data.EvalBatch;

/**
 * The frozen online encoder as a feature extractor: C5 with batch-norm running statistics (inference mode), and its
 * global average (the representation kNN and linear probes use).
 */
final class EncoderFeatures {

    private final Block backbone;
    private final ParameterStore store;
    private final NDManager manager;
    // per thread: mask proposers call c5 from data workers
    private final ThreadLocal<StagingBuffers> staging = ThreadLocal.withInitial(() -> new StagingBuffers(1));

    EncoderFeatures(SslNetworks nets) {
        this(nets.onlineBackbone(), nets.store(), nets.manager());
    }

    EncoderFeatures(Block backbone, ParameterStore store, NDManager manager) {
        this.backbone = backbone;
        this.store = store;
        this.manager = manager;
    }

    /** C5 (N, C, h, w) of planar images (N, 3, side, side), attached to {@code target}. */
    NDArray c5(NDManager target, float[] images, int n, int side) {
        NDArray x = staging.get().stage(target, 0, images, new Shape(n, 3, side, side));
        if (!x.getDevice().equals(manager.getDevice())) {
            x = x.toDevice(manager.getDevice(), false); // the caller's manager may sit on DJL's default device
        }
        return backbone.forward(store, new NDList(x), false).singletonOrThrow();
    }

    /** One row of GAP(C5) per image. */
    float[][] features(EvalBatch batch) {
        try (NDManager sm = manager.newSubManager()) {
            NDArray pooled = Pool.globalAvgPool2d(c5(sm, batch.images(), batch.size(), batch.side()));
            int c = (int) pooled.getShape().get(1);
            float[] flat = pooled.toFloatArray();
            float[][] out = new float[batch.size()][c];
            for (int i = 0; i < batch.size(); i++) {
                System.arraycopy(flat, i * c, out[i], 0, c);
            }
            return out;
        }
    }
}
