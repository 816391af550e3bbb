package org.harl.core.eval.downstream;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.engine.Engine;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Semantic segmentation on frozen C5: a 1x1 convolution (a linear map per position, on channel-standardised
 * features) whose logits are upsampled bilinearly to the view's pixels, trained with per-pixel cross-entropy by Adam.
 * Pixel classes are 0 = background and 1 + c for the object of class c. Upsampling the logits equals convolving
 * upsampled features (both maps are linear and bilinear weights sum to 1) at a fraction of the cost.
 */
final class SegmentationProbe {

    /** Training settings. */
    record Options(int epochs, float lr, int batchSize, long seed) {
    }

    private SegmentationProbe() {
    }

    /** The confusion matrix of the test split's pixels after fitting the head on {@code train}. */
    static ConfusionMatrix fitAndScore(NDManager parent, DenseSplit train, DenseSplit test, int classes,
                                       Options o) {
        return fitAndScore(parent, train, test, classes, o, () -> { });
    }

    /** As above; {@code afterBatch} runs after each training batch's update (tests watch memory with it). */
    static ConfusionMatrix fitAndScore(NDManager parent, DenseSplit train, DenseSplit test, int classes, Options o,
                                       Runnable afterBatch) {
        int k = classes + 1;
        int c = train.channels();
        int hw = train.grid() * train.grid();
        int pixels = train.side() * train.side();
        float[][] stats = train.channelStats();
        try (NDManager m = parent.newSubManager(); LinearHead head = new LinearHead(m, c, k, o.lr())) {
            NDArray up = m.create(bilinear(train.grid(), train.side()), new Shape(pixels, hw));
            SplittableRandom rng = new SplittableRandom(o.seed());
            for (int epoch = 0; epoch < o.epochs(); epoch++) {
                int[] order = permutation(train.size(), rng);
                for (int first = 0; first < order.length; first += o.batchSize()) {
                    int[] rows = java.util.Arrays.copyOfRange(order, first, Math.min(order.length,
                            first + o.batchSize()));
                    // an NDScope, not a sub-manager: up.matMul attaches its result to up's manager, which lives for
                    // the whole fit; every batch's pixel logits stayed allocated (24 GB after 10 000 maps of 32 px)
                    try (NDScope scope = new NDScope()) {
                        NDArray x = positions(m, train, stats, rows);
                        int[] labels = pixelClasses(train, rows);
                        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                            NDArray logits = up.matMul(head.forward(x)).reshape(-1, k);
                            gc.backward(LinearHead.crossEntropy(logits, labels));
                        }
                    }
                    head.step();
                    afterBatch.run();
                }
            }
            ConfusionMatrix confusion = new ConfusionMatrix(k);
            for (int first = 0; first < test.size(); first += o.batchSize()) {
                int[] rows = IntStream.range(first, Math.min(test.size(), first + o.batchSize())).toArray();
                try (NDScope scope = new NDScope()) {
                    NDArray logits = up.matMul(head.forward(positions(m, test, stats, rows)));
                    int[] predicted = logits.argMax(-1).toType(ai.djl.ndarray.types.DataType.INT32, false)
                            .toIntArray();
                    int[] truth = pixelClasses(test, rows);
                    for (int i = 0; i < truth.length; i++) {
                        confusion.add(truth[i], predicted[i]);
                    }
                }
            }
            return confusion;
        }
    }

    /** Standardised features of {@code rows} as (rows, g*g, C). */
    private static NDArray positions(NDManager manager, DenseSplit split, float[][] stats, int[] rows) {
        int hw = split.grid() * split.grid();
        return manager.create(split.standardised(stats, rows), new Shape(rows.length, split.channels(), hw))
                .transpose(0, 2, 1);
    }

    private static int[] pixelClasses(DenseSplit split, int[] rows) {
        int pixels = split.side() * split.side();
        int[] out = new int[rows.length * pixels];
        for (int r = 0; r < rows.length; r++) {
            int i = rows[r];
            for (int p = 0; p < pixels; p++) {
                out[r * pixels + p] = split.masks()[i * pixels + p] == 1 ? 1 + split.labels()[i] : 0;
            }
        }
        return out;
    }

    static int[] permutation(int n, SplittableRandom rng) {
        int[] p = IntStream.range(0, n).toArray();
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /**
     * The (S*S, g*g) matrix of bilinear upsampling from g x g to S x S with half-pixel centres, sampling like
     * PyTorch's {@code interpolate(mode='bilinear', align_corners=False)} (edges clamped).
     */
    static float[] bilinear(int grid, int side) {
        float[][] w1 = new float[side][grid];
        for (int o = 0; o < side; o++) {
            double src = Math.max(0, (o + 0.5) * grid / side - 0.5);
            int i0 = Math.min((int) Math.floor(src), grid - 1);
            int i1 = Math.min(i0 + 1, grid - 1);
            double f = src - i0;
            w1[o][i0] += (float) (1 - f);
            w1[o][i1] += (float) f;
        }
        float[] out = new float[side * side * grid * grid];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                for (int gy = 0; gy < grid; gy++) {
                    for (int gx = 0; gx < grid; gx++) {
                        out[(y * side + x) * grid * grid + gy * grid + gx] = w1[y][gy] * w1[x][gx];
                    }
                }
            }
        }
        return out;
    }
}
