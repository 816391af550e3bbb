package org.harl.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.harl.core.config.HeadsConfig;
import org.harl.core.data.PairBatch;
import org.harl.core.train.optim.MomentumSgd;
import org.harl.core.train.optim.StatefulOptimizer;
import org.junit.jupiter.api.Test;

/**
 * The split / broadcast / gradient-sum path of data-parallel training, on two CPU replicas (the PyTorch engine maps
 * every CPU id to the one CPU, so replicas on [cpu, cpu] run the same code as on two GPUs, minus the copies).
 */
class DataParallelStepTest {

    private static final int SIDE = 8;
    private static final HeadsConfig HEADS = new HeadsConfig(16, 8, 16);
    private static final Devices TWO_CPUS = Devices.of(List.of(Device.cpu(), Device.of("cpu", 1)));

    @Test
    void splitKeepsOrderAndSizesDifferByAtMostOne() {
        PairBatch b = new TestParts.FakeSource(5, 2, 1, 1).make(0, 0);
        List<PairBatch> parts = DataParallelStep.split(b, 2);
        assertEquals(List.of(3, 2), parts.stream().map(PairBatch::size).toList());
        float[] joined = new float[b.view1().length];
        System.arraycopy(parts.get(0).view1(), 0, joined, 0, parts.get(0).view1().length);
        System.arraycopy(parts.get(1).view1(), 0, joined, parts.get(0).view1().length, parts.get(1).view1().length);
        assertArrayEquals(b.view1(), joined);
        assertArrayEquals(Arrays.copyOfRange(b.mask2(), 3 * 4, 5 * 4), parts.get(1).mask2());
        PairBatch noMasks = new PairBatch(4, 2, new float[48], new float[48], null, null, new int[4], 0, 0);
        assertNull(DataParallelStep.split(noMasks, 2).get(1).mask1());
    }

    /**
     * Two optimizer steps: the two-device gradient (and loss) equals accumulating the two halves' gradients in one
     * network, each scaled by its share; so the second step also checks that updated weights reached the replica.
     */
    @Test
    void gradientOfTwoDevicesEqualsAccumulatingTheHalves() {
        TestParts.FakeSource data = new TestParts.FakeSource(8, SIDE, 2, 3);
        try (SslNetworks parallel = nets(); SslNetworks reference = nets()) {
            DataParallelStep dp = new DataParallelStep(parallel, new TestParts.ImgFgLoss(), TWO_CPUS);
            SslStep single = new SslStep(reference, new TestParts.ImgFgLoss(), StepListener.NONE);
            StatefulOptimizer optA = new MomentumSgd(0.9f, 1e-4f, Set.of());
            StatefulOptimizer optB = new MomentumSgd(0.9f, 1e-4f, Set.of());
            for (int s = 0; s < 2; s++) {
                PairBatch batch = data.make(0, s);
                StepResult r = dp.run(batch, 0.5, 1.0);
                List<PairBatch> halves = DataParallelStep.split(batch, 2);
                StepResult a = single.run(halves.get(0), 0.5, 0.5);
                StepResult b = single.run(halves.get(1), 0.5, 0.5);
                assertEquals(0.5 * a.loss() + 0.5 * b.loss(), r.loss(), 1e-6);
                assertEquals(a.emptyMasks().get("fg") + b.emptyMasks().get("fg"), r.emptyMasks().get("fg"));
                assertClose(gradients(reference), gradients(parallel), 1e-5f);
                update(parallel, optA);
                update(reference, optB);
            }
        }
    }

    /**
     * With both halves the same images, batch norm sees the same statistics on each device as on the whole batch,
     * so the data-parallel gradient must equal the one-device full-batch gradient (BN included).
     */
    @Test
    void identicalHalvesGiveTheFullBatchGradient() {
        PairBatch half = new TestParts.FakeSource(4, SIDE, 1, 9).make(0, 0);
        PairBatch doubled = new PairBatch(8, SIDE, twice(half.view1()), twice(half.view2()), twice(half.mask1()),
                twice(half.mask2()), new int[8], 0, 0);
        try (SslNetworks parallel = nets(); SslNetworks reference = nets()) {
            StepResult r = new DataParallelStep(parallel, new TestParts.ImgFgLoss(), TWO_CPUS).run(doubled, 0.2, 1.0);
            StepResult full = new SslStep(reference, new TestParts.ImgFgLoss(), StepListener.NONE).run(doubled, 0.2, 1.0);
            assertEquals(full.loss(), r.loss(), 1e-5);
            assertClose(gradients(reference), gradients(parallel), 1e-5f);
        }
    }

    @Test
    void oneDeviceOrATooSmallBatchRunsUnsplit() {
        PairBatch batch = new TestParts.FakeSource(3, SIDE, 1, 4).make(0, 0); // 3 images: one part of >= 2
        try (SslNetworks parallel = nets(); SslNetworks reference = nets()) {
            StepResult r = new DataParallelStep(parallel, new TestParts.ImgFgLoss(), TWO_CPUS).run(batch, 0.2, 1.0);
            StepResult full = new SslStep(reference, new TestParts.ImgFgLoss(), StepListener.NONE).run(batch, 0.2, 1.0);
            assertEquals(full.loss(), r.loss(), 0);
            assertClose(gradients(reference), gradients(parallel), 0f);
        }
    }

    @Test
    void replicaGradientsAreZeroedAfterTheSum() {
        try (SslNetworks parallel = nets()) {
            DataParallelStep dp = new DataParallelStep(parallel, new TestParts.ImgFgLoss(), TWO_CPUS);
            dp.run(new TestParts.FakeSource(4, SIDE, 1, 2).make(0, 0), 0.2, 1.0);
            float[] g = gradients(parallel);
            assertTrue(norm(g) > 0, "master gradient is empty");
            // a second run without an update adds the same gradient again: nothing stale was left on the replica
            dp.run(new TestParts.FakeSource(4, SIDE, 1, 2).make(0, 0), 0.2, 1.0);
            float[] twice = gradients(parallel);
            for (int i = 0; i < g.length; i++) {
                g[i] *= 2;
            }
            assertClose(g, twice, 1e-5f);
        }
    }

    private static SslNetworks nets() {
        return new SslNetworks(new TestParts.TinyBackbone(), HEADS, SIDE, 5, Device.cpu());
    }

    private static float[] twice(float[] a) {
        float[] out = Arrays.copyOf(a, 2 * a.length);
        System.arraycopy(a, 0, out, a.length, a.length);
        return out;
    }

    private static void update(SslNetworks nets, StatefulOptimizer opt) {
        opt.setLearningRate(0.1f);
        for (Map.Entry<String, Parameter> e : nets.trainable().entrySet()) {
            NDArray w = e.getValue().getArray();
            try (NDArray g = w.getGradient()) {
                opt.update(e.getKey(), w, g);
            }
        }
        opt.endStep();
        nets.updateTarget(0.9);
    }

    private static float[] gradients(SslNetworks nets) {
        List<Float> out = new ArrayList<>();
        for (Parameter p : nets.trainable().values()) {
            try (NDArray g = p.getArray().getGradient()) {
                for (float v : g.toFloatArray()) {
                    out.add(v);
                }
            }
        }
        float[] a = new float[out.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = out.get(i);
        }
        return a;
    }

    private static double norm(float[] a) {
        double s = 0;
        for (float v : a) {
            s += v * v;
        }
        return Math.sqrt(s);
    }

    /** Element-wise within {@code rel} times the largest magnitude (gradients span orders of magnitude). */
    private static void assertClose(float[] expected, float[] actual, float rel) {
        assertEquals(expected.length, actual.length);
        float scale = 0;
        for (float v : expected) {
            scale = Math.max(scale, Math.abs(v));
        }
        assertTrue(scale > 0, "all-zero gradient");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], rel * scale, "element " + i);
        }
    }
}
