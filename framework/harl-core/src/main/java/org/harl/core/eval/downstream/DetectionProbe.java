package org.harl.core.eval.downstream;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.harl.core.eval.downstream.AveragePrecision.Detection;
import org.harl.spi.nd.GraphScalars;

/**
 * Single-object detection on frozen C5: one linear map from the flattened, channel-standardised feature map to class
 * logits and a box (corners divided by the view side), trained by Adam on cross-entropy plus {@link #BOX_WEIGHT}
 * times the mean L1 distance of the corners. The target box is the exact mask's bounding box. Each test image
 * yields one detection: the most probable class, its softmax probability as confidence, and the predicted box
 * (clipped to the view, corners ordered); scored by {@link AveragePrecision}.
 */
final class DetectionProbe {

    /** Weight of the box term (DETR's L1 weight). */
    static final double BOX_WEIGHT = 5;

    /** Training settings. */
    record Options(int epochs, float lr, int batchSize, long seed) {
    }

    private DetectionProbe() {
    }

    static List<Detection> fitAndPredict(NDManager parent, DenseSplit train, DenseSplit test, int classes,
                                         Options o) {
        int dim = train.channels() * train.grid() * train.grid();
        float[][] stats = train.channelStats();
        float[] trainBoxes = boxes(train);
        try (NDManager m = parent.newSubManager(); LinearHead head = new LinearHead(m, dim, classes + 4, o.lr())) {
            SplittableRandom rng = new SplittableRandom(o.seed());
            for (int epoch = 0; epoch < o.epochs(); epoch++) {
                int[] order = SegmentationProbe.permutation(train.size(), rng);
                for (int first = 0; first < order.length; first += o.batchSize()) {
                    int[] rows = java.util.Arrays.copyOfRange(order, first, Math.min(order.length,
                            first + o.batchSize()));
                    float[] target = new float[rows.length * 4];
                    int[] labels = new int[rows.length];
                    for (int r = 0; r < rows.length; r++) {
                        System.arraycopy(trainBoxes, rows[r] * 4, target, r * 4, 4);
                        labels[r] = train.labels()[rows[r]];
                    }
                    try (NDManager sm = m.newSubManager()) {
                        NDArray x = sm.create(train.standardised(stats, rows), new Shape(rows.length, dim));
                        NDArray t = sm.create(target, new Shape(rows.length, 4));
                        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                            NDArray out = head.forward(x);
                            NDArray logits = out.get(":, :" + classes);
                            NDArray box = out.get(":, " + classes + ":");
                            NDArray l1 = box.sub(t).abs().mean();
                            gc.backward(LinearHead.crossEntropy(logits, labels)
                                    .add(GraphScalars.mul(l1, BOX_WEIGHT)));
                        }
                    }
                    head.step();
                }
            }
            List<Detection> out = new ArrayList<>();
            float[] testBoxes = boxes(test);
            int s = test.side();
            for (int first = 0; first < test.size(); first += o.batchSize()) {
                int[] rows = IntStream.range(first, Math.min(test.size(), first + o.batchSize())).toArray();
                float[] probs;
                float[] box;
                try (NDManager sm = m.newSubManager()) {
                    NDArray y = head.forward(sm.create(test.standardised(stats, rows), new Shape(rows.length, dim)));
                    probs = y.get(":, :" + classes).softmax(-1).toFloatArray();
                    box = y.get(":, " + classes + ":").toFloatArray();
                }
                for (int r = 0; r < rows.length; r++) {
                    int best = 0;
                    for (int c = 1; c < classes; c++) {
                        best = probs[r * classes + c] > probs[r * classes + best] ? c : best;
                    }
                    int i = rows[r];
                    out.add(new Detection(test.labels()[i], box(testBoxes, i, s), best, predicted(box, r, s),
                            probs[r * classes + best]));
                }
            }
            return out;
        }
    }

    /** Each image's mask box, corners divided by the side: (N, 4) x0, y0, x1, y1. */
    private static float[] boxes(DenseSplit split) {
        float[] out = new float[split.size() * 4];
        for (int i = 0; i < split.size(); i++) {
            int index = i;
            Box b = Box.of(split.mask(i)).orElseThrow(() -> new IllegalArgumentException("image " + index
                    + " has an empty object mask in the evaluation view (is the object cropped away?)"));
            out[i * 4] = (float) b.x0() / split.side();
            out[i * 4 + 1] = (float) b.y0() / split.side();
            out[i * 4 + 2] = (float) b.x1() / split.side();
            out[i * 4 + 3] = (float) b.y1() / split.side();
        }
        return out;
    }

    private static Box box(float[] normalised, int i, int side) {
        return new Box(normalised[i * 4] * side, normalised[i * 4 + 1] * side, normalised[i * 4 + 2] * side,
                normalised[i * 4 + 3] * side);
    }

    /** A predicted box: corners clipped to [0, side] and put in order. */
    static Box predicted(float[] raw, int r, int side) {
        double[] v = new double[4];
        for (int j = 0; j < 4; j++) {
            v[j] = Math.min(1, Math.max(0, raw[r * 4 + j])) * side;
        }
        return new Box(Math.min(v[0], v[2]), Math.min(v[1], v[3]), Math.max(v[0], v[2]), Math.max(v[1], v[3]));
    }
}
