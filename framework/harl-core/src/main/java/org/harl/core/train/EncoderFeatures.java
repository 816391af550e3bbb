package org.harl.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import java.util.List;
import java.util.OptionalInt;
import org.harl.core.data.EvalBatch;
import org.harl.spi.encoder.FeatureStage;

/**
 * The frozen online encoder as a feature extractor: C5 with batch-norm running statistics (inference mode), and its
 * global average (the representation kNN and linear probes use).
 */
final class EncoderFeatures {

    private final Block backbone;
    private final ParameterStore store;
    private final NDManager manager;
    private final OptionalInt c4Children;
    // per thread: mask proposers call c5 from data workers
    private final ThreadLocal<StagingBuffers> staging = ThreadLocal.withInitial(() -> new StagingBuffers(1));

    EncoderFeatures(SslNetworks nets) {
        this(nets.onlineBackbone(), nets.store(), nets.manager(), nets.backbone().c4Children());
    }

    EncoderFeatures(Block backbone, ParameterStore store, NDManager manager) {
        this(backbone, store, manager, OptionalInt.empty());
    }

    /** @param c4Children leading children of the sequential {@code backbone} that produce C4 (empty: no C4) */
    EncoderFeatures(Block backbone, ParameterStore store, NDManager manager, OptionalInt c4Children) {
        this.backbone = backbone;
        this.store = store;
        this.manager = manager;
        this.c4Children = c4Children.isPresent() && backbone instanceof SequentialBlock ? c4Children
                : OptionalInt.empty();
    }

    /** C5 (N, C, h, w) of planar images (N, 3, side, side), attached to {@code target}. */
    NDArray c5(NDManager target, float[] images, int n, int side) {
        return features(target, images, n, side, FeatureStage.C5);
    }

    /** The map of {@code stage}; C4 runs the backbone's leading children only. */
    NDArray features(NDManager target, float[] images, int n, int side, FeatureStage stage) {
        if (stage == FeatureStage.C4 && c4Children.isEmpty()) {
            throw new IllegalArgumentException("feature_stage: this backbone gives no c4 map (a single stage, or "
                    + "not a sequence of stages); use c5");
        }
        NDArray x = staging.get().stage(target, 0, images, new Shape(n, 3, side, side));
        if (!x.getDevice().equals(manager.getDevice())) {
            x = x.toDevice(manager.getDevice(), false); // the caller's manager may sit on DJL's default device
        }
        if (stage == FeatureStage.C5) {
            return backbone.forward(store, new NDList(x), false).singletonOrThrow();
        }
        NDList out = new NDList(x);
        List<Block> children = backbone.getChildren().values();
        for (int i = 0; i < c4Children.getAsInt(); i++) {
            out = children.get(i).forward(store, out, false);
        }
        return out.singletonOrThrow();
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
