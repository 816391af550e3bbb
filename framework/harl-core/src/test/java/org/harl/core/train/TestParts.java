package org.harl.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.harl.core.config.ComponentSpec;
import org.harl.core.config.ExperimentConfig;
import org.harl.core.config.HeadsConfig;
import org.harl.core.config.MonitorConfig;
import org.harl.core.config.OptimizerConfig;
import org.harl.core.config.TrainingConfig;
import org.harl.core.data.EvalBatch;
import org.harl.core.eval.KnnMonitor;
import org.harl.core.data.PairBatch;
import org.harl.core.data.PairBatchSource;
import org.harl.spi.ComponentKind;
import org.harl.spi.backbone.Backbone;
import org.harl.spi.loss.PooledBranch;
import org.harl.spi.loss.SslLoss;
import org.harl.spi.track.RunInfo;
import org.harl.spi.track.Tracker;

/** Tiny stand-ins for the plugins (the core cannot depend on plugin modules). */
final class TestParts {

    private TestParts() {
    }

    record Empty() {
    }

    /** conv 3x3/2 (6 ch), BN, ReLU, conv 3x3/2 (8 ch), BN, ReLU: C5 at side / 4. */
    static final class TinyBackbone implements Backbone {
        @Override
        public Block newBlock() {
            return new SequentialBlock()
                    .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optStride(new Shape(2, 2))
                            .optPadding(new Shape(1, 1)).setFilters(6).optBias(false).build())
                    .add(BatchNorm.builder().build()).add(Activation.reluBlock())
                    .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optStride(new Shape(2, 2))
                            .optPadding(new Shape(1, 1)).setFilters(8).optBias(false).build())
                    .add(BatchNorm.builder().build()).add(Activation.reluBlock());
        }

        @Override
        public int featureChannels() {
            return 8;
        }

        @Override
        public int featureSize(int inputSize) {
            return (inputSize + 3) / 4;
        }
    }

    /** HARL-like: img (GAP) and fg (masked mean), weights 0.5 / 0.5; empty masks give valid 0. */
    static final class ImgFgLoss implements SslLoss {
        @Override
        public List<String> branches() {
            return List.of("img", "fg");
        }

        @Override
        public boolean needsMasks() {
            return true;
        }

        @Override
        public List<PooledBranch> pool(NDArray c5, NDArray gridMask) {
            long n = c5.getShape().get(0);
            NDArray img = Pool.globalAvgPool2d(c5);
            NDArray area = gridMask.reshape(n, -1).sum(new int[] {1});
            NDArray fg = c5.mul(gridMask).reshape(n, c5.getShape().get(1), -1).sum(new int[] {2})
                    .div(area.maximum(1e-3f).expandDims(1));
            return List.of(new PooledBranch("img", img, c5.getManager().ones(new Shape(n))),
                    new PooledBranch("fg", fg, area.gte(1e-3f).toType(ai.djl.ndarray.types.DataType.FLOAT32, false)));
        }

        @Override
        public Map<String, Double> weights(double progress) {
            return Map.of("img", 0.5, "fg", 0.5);
        }

        @Override
        public Map<String, Double> scheduleValues(double progress) {
            return Map.of("alpha", 1.0, "beta", 0.5);
        }
    }

    /** Random views; a pure function of (seed, epoch, step). Sample 0's mask is empty in every batch. */
    static class FakeSource implements PairBatchSource {
        final int batch;
        final int side;
        final int steps;
        final long seed;

        FakeSource(int batch, int side, int steps, long seed) {
            this.batch = batch;
            this.side = side;
            this.steps = steps;
            this.seed = seed;
        }

        @Override
        public int stepsPerEpoch() {
            return steps;
        }

        PairBatch make(int epoch, int step) {
            SplittableRandom r = new SplittableRandom(seed * 1_000_003L + epoch * 1009L + step);
            int px = side * side;
            float[] v1 = new float[batch * 3 * px];
            float[] v2 = new float[batch * 3 * px];
            float[] m1 = new float[batch * px];
            float[] m2 = new float[batch * px];
            for (int i = 0; i < v1.length; i++) {
                v1[i] = (float) r.nextGaussian();
                v2[i] = (float) r.nextGaussian();
            }
            for (int i = px; i < m1.length; i++) {
                m1[i] = r.nextInt(2);
                m2[i] = r.nextInt(2);
            }
            return new PairBatch(batch, side, v1, v2, m1, m2, new int[batch], epoch, step);
        }

        @Override
        public Iterator<PairBatch> epoch(int epoch, int fromStep) {
            List<PairBatch> out = new ArrayList<>();
            for (int s = fromStep; s < steps; s++) {
                out.add(make(epoch, s));
            }
            return out.iterator();
        }

        @Override
        public void close() {
        }
    }

    /** Records every row. */
    static final class RecordingTracker implements Tracker {
        final List<Map<String, Object>> rows = new ArrayList<>();
        final Map<String, Object> summary = new LinkedHashMap<>();
        RunInfo info;
        Integer exitCode;

        @Override
        public void start(RunInfo run) {
            info = run;
        }

        @Override
        public void log(long step, Map<String, Object> metrics) {
            Map<String, Object> row = new LinkedHashMap<>(metrics);
            row.putIfAbsent("step", step);
            rows.add(row);
        }

        @Override
        public void summary(Map<String, Object> values) {
            summary.putAll(values);
        }

        @Override
        public void finish(int code) {
            exitCode = code;
        }

        Map<Long, Double> losses() {
            Map<Long, Double> out = new LinkedHashMap<>();
            rows.stream().filter(r -> r.containsKey("loss"))
                    .forEach(r -> out.put(((Number) r.get("step")).longValue(), ((Number) r.get("loss")).doubleValue()));
            return out;
        }
    }

    /** Labelled blobs: class c has mean colour c; the kNN must find it. */
    static TrainingMonitor knnMonitor(int side, int classes) {
        List<EvalBatch> bank = evalBatches(side, classes, 1);
        List<EvalBatch> test = evalBatches(side, classes, 2);
        return new KnnMonitor(bank, test, classes, 3, 0.07);
    }

    private static List<EvalBatch> evalBatches(int side, int classes, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = 4 * classes;
        float[] images = new float[n * 3 * side * side];
        int[] labels = new int[n];
        int per = 3 * side * side;
        for (int i = 0; i < n; i++) {
            labels[i] = i % classes;
            for (int j = 0; j < per; j++) {
                int channel = j / (side * side);
                images[i * per + j] = (channel == labels[i] % 3 ? 2f : -1f) + 0.3f * (float) r.nextGaussian();
            }
        }
        return List.of(new EvalBatch(n, side, images, labels));
    }

    static ExperimentConfig experiment(String name, TrainingConfig training, OptimizerConfig optimizer,
                                       MonitorConfig monitor) {
        ComponentSpec dummy = new ComponentSpec(ComponentKind.DATASET, "fake", new Empty(), Map.of());
        Map<String, Object> resolved = new LinkedHashMap<>();
        resolved.put("name", name);
        resolved.put("training", Map.of("epochs", training.epochs()));
        return new ExperimentConfig(name, 7, dummy, dummy, dummy, Optional.empty(), dummy, training, optimizer,
                new HeadsConfig(16, 8, 16), monitor, List.of(), resolved, Path.of("test.yaml"));
    }

    static TrainingConfig training(int epochs, int batch, int accumulate, int checkpointEvery) {
        return new TrainingConfig(epochs, batch, 0, accumulate, 0.99, 1.0, 1, 2, checkpointEvery, 0);
    }

    static OptimizerConfig lars() {
        return new OptimizerConfig(OptimizerConfig.OptimizerType.LARS, 0.5, 1e-6, 0.9, 1e-3, 1, 0, true);
    }
}
