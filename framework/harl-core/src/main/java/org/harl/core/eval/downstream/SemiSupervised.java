package org.harl.core.eval.downstream;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.GradientCollector;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.harl.core.train.TrainedEncoder;
import org.harl.core.train.optim.MomentumSgd;
import org.harl.spi.data.Split;

/**
 * Semi-supervised fine-tuning: the whole encoder plus a zero-initialised linear head on GAP(C5), trained on a
 * class-balanced labelled subset with cross-entropy, SGD with momentum 0.9, no weight decay and a cosine learning
 * rate from {@code lr} to 0. Images are the evaluation views (no augmentation: the subsets are small and the runs
 * short, and it keeps the result a function of the seed). Batch norm uses batch statistics while fine-tuning (and
 * so updates its running statistics), running statistics when scoring the test split.
 */
final class SemiSupervised {

    /** Training settings. */
    record Options(int epochs, float lr, int batchSize, long seed) {
    }

    private SemiSupervised() {
    }

    /** Fine-tunes {@code encoder} in place on {@code labelled}, then returns top-1 on the test split's batches. */
    static double fineTuneAndScore(TrainedEncoder encoder, ViewBatches.Batch labelled, ViewBatches views,
                                   int testSize, int classes, Options o) {
        int side = labelled.side();
        int plane = 3 * side * side;
        Map<String, Parameter> backbone = encoder.backboneParameters();
        MomentumSgd sgd = new MomentumSgd(0.9f, 0f, Set.of());
        int perEpoch = (labelled.size() + o.batchSize() - 1) / o.batchSize();
        long total = (long) perEpoch * o.epochs();
        try (NDManager m = encoder.manager().newSubManager();
             LinearHead head = new LinearHead(m, encoder.featureChannels(), classes, o.lr())) {
            Map<String, NDArray> params = new LinkedHashMap<>();
            backbone.forEach((name, p) -> params.put(name, p.getArray()));
            params.putAll(head.parameters());
            SplittableRandom rng = new SplittableRandom(o.seed());
            long step = 0;
            for (int epoch = 0; epoch < o.epochs(); epoch++) {
                int[] order = SegmentationProbe.permutation(labelled.size(), rng);
                for (int first = 0; first < order.length; first += o.batchSize()) {
                    int n = Math.min(o.batchSize(), order.length - first);
                    float[] images = new float[n * plane];
                    int[] labels = new int[n];
                    for (int r = 0; r < n; r++) {
                        int i = order[first + r];
                        System.arraycopy(labelled.images(), i * plane, images, r * plane, plane);
                        labels[r] = labelled.labels()[i];
                    }
                    try (NDManager sm = m.newSubManager()) {
                        NDArray x = sm.create(images, new Shape(n, 3, side, side));
                        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                            NDArray pooled = Pool.globalAvgPool2d(encoder.c5(x, true));
                            gc.backward(LinearHead.crossEntropy(head.forward(pooled), labels));
                        }
                    }
                    sgd.setLearningRate((float) (o.lr() * 0.5 * (1 + Math.cos(Math.PI * step / total))));
                    for (Map.Entry<String, NDArray> e : params.entrySet()) {
                        try (NDArray grad = e.getValue().getGradient()) {
                            sgd.update(e.getKey(), e.getValue(), grad);
                        }
                    }
                    sgd.endStep();
                    step++;
                }
            }
            long correct = 0;
            for (int[] indices : ViewBatches.batches(testSize, o.batchSize())) {
                ViewBatches.Batch b = views.load(Split.TEST, indices, false);
                try (NDManager sm = m.newSubManager()) {
                    NDArray x = sm.create(b.images(), new Shape(b.size(), 3, side, side));
                    NDArray logits = head.forward(Pool.globalAvgPool2d(encoder.c5(x, false)));
                    int[] predicted = logits.argMax(-1).toType(DataType.INT32, false).toIntArray();
                    for (int i = 0; i < b.size(); i++) {
                        correct += predicted[i] == b.labels()[i] ? 1 : 0;
                    }
                }
            }
            return (double) correct / testSize;
        }
    }
}
