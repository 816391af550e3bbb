package org.harl.plugins.losses;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Map;
import org.harl.spi.loss.PooledBranch;
import org.harl.spi.loss.SslLoss;
import org.harl.testing.AutogradChecks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LossesTest {

    private NDManager manager;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    /** Two samples, one channel, 2x2 grid: features 1, 2, 3, 4. */
    private NDArray c5() {
        return manager.create(new float[] {1, 2, 3, 4, 1, 2, 3, 4}, new Shape(2, 1, 2, 2));
    }

    @Test
    void byolPoolsGlobally() {
        List<PooledBranch> b = new ByolLoss().pool(c5(), null);
        assertEquals(1, b.size());
        assertEquals("img", b.get(0).name());
        assertEquals(new Shape(2, 1), b.get(0).features().getShape());
        assertArrayEquals(new float[] {2.5f, 2.5f}, b.get(0).features().toFloatArray(), 1e-6f);
        assertArrayEquals(new float[] {1, 1}, b.get(0).valid().toFloatArray());
        assertEquals(Map.of("img", 1.0), new ByolLoss().weights(0.7));
    }

    @Test
    void harlUsesSoftMaskedMeansAndFlagsEmptyMasks() {
        // sample 0: soft mask 1, 0.5, 0, 0 -> fg = (1 + 1) / 1.5, bg = (0.5*2 + 3 + 4) / 2.5
        // sample 1: all foreground -> bg empty
        NDArray mask = manager.create(new float[] {1, 0.5f, 0, 0, 1, 1, 1, 1}, new Shape(2, 1, 2, 2));
        List<PooledBranch> b = new HarlLoss(HarlLossConfig.defaults()).pool(c5(), mask);
        assertEquals(List.of("img", "fg", "bg"), b.stream().map(PooledBranch::name).toList());
        assertArrayEquals(new float[] {2.5f, 2.5f}, b.get(0).features().toFloatArray(), 1e-6f);
        assertEquals(new Shape(2, 1), b.get(1).features().getShape());
        assertEquals(new Shape(2), b.get(1).valid().getShape());
        assertArrayEquals(new float[] {2f / 1.5f, 2.5f}, b.get(1).features().toFloatArray(), 1e-6f);
        assertArrayEquals(new float[] {1, 1}, b.get(1).valid().toFloatArray());
        assertEquals(8f / 2.5f, b.get(2).features().toFloatArray()[0], 1e-6f);
        assertArrayEquals(new float[] {1, 0}, b.get(2).valid().toFloatArray());
    }

    @Test
    void poolingModesDivideByTheMaskAreaPlusOneOrTheGrid() {
        // sample 0: fg mask 1, 0.5, 0, 0 (area 1.5, weighted sum 2); bg 0, 0.5, 1, 1 (area 2.5, sum 8)
        // sample 1: fg everywhere (area 4, sum 10); bg empty
        NDArray mask = manager.create(new float[] {1, 0.5f, 0, 0, 1, 1, 1, 1}, new Shape(2, 1, 2, 2));
        Map<PoolingDenominator, float[]> fgExpected = Map.of(
                PoolingDenominator.MEAN, new float[] {2f / 1.5f, 10f / 4},
                PoolingDenominator.PLUS_ONE, new float[] {2f / 2.5f, 10f / 5},
                PoolingDenominator.GAP, new float[] {2f / 4, 10f / 4});
        Map<PoolingDenominator, Float> bgExpected = Map.of(PoolingDenominator.MEAN, 8f / 2.5f,
                PoolingDenominator.PLUS_ONE, 8f / 3.5f, PoolingDenominator.GAP, 8f / 4);
        for (PoolingDenominator mode : PoolingDenominator.values()) {
            var cfg = new HarlLossConfig(Schedule.constant(0.5), Schedule.constant(0.5), 1e-3, -1, mode);
            List<PooledBranch> b = new HarlLoss(cfg).pool(c5(), mask);
            assertArrayEquals(fgExpected.get(mode), b.get(1).features().toFloatArray(), 1e-6f, mode.name());
            assertEquals(bgExpected.get(mode), b.get(2).features().toFloatArray()[0], 1e-6f, mode.name());
            // an empty mask is dropped from the loss whatever the denominator
            assertArrayEquals(new float[] {1, 0}, b.get(2).valid().toFloatArray(), mode.name());
        }
    }

    @Test
    void poolingSurvivesAGarbageCollectionBeforeBackward() {
        // every branch of every pooling mode, summed, must give the same c5 gradient with or without a GC in between
        NDArray mask = manager.create(new float[] {1, 0.5f, 0, 0, 0.2f, 1, 1, 0}, new Shape(2, 1, 2, 2));
        List<SslLoss> losses = new java.util.ArrayList<>(List.of(new ByolLoss()));
        for (PoolingDenominator mode : PoolingDenominator.values()) {
            losses.add(new HarlLoss(new HarlLossConfig(Schedule.constant(0.5), Schedule.constant(0.5), 1e-3, -1,
                    mode)));
        }
        for (SslLoss loss : losses) {
            AutogradChecks.assertGradientSurvivesCollection(new Shape(2, 3, 2, 2), c5 -> {
                NDArray sum = null;
                for (PooledBranch b : loss.pool(c5, mask)) {
                    NDArray s = b.features().square().sum();
                    sum = sum == null ? s : sum.add(s);
                }
                return sum;
            });
        }
    }

    @Test
    void binarizeThresholdsTheGridMask() {
        NDArray mask = manager.create(new float[] {1, 0.5f, 0.2f, 0, 0, 0, 0, 0}, new Shape(2, 1, 2, 2));
        var cfg = new HarlLossConfig(Schedule.constant(0.5), Schedule.constant(0.5), 1e-3, 0.3,
                PoolingDenominator.MEAN);
        List<PooledBranch> b = new HarlLoss(cfg).pool(c5(), mask);
        assertEquals(1.5f, b.get(1).features().toFloatArray()[0], 1e-6f); // cells 1 and 2 only
        assertArrayEquals(new float[] {1, 0}, b.get(1).valid().toFloatArray());
    }

    @Test
    void officialVariantsWeighTheBranches() {
        SslLoss mncl = new HarlLoss(new HarlLossConfig(Schedule.fromScalar(1), Schedule.cosine(0.6, 0), 1e-3, -1,
                PoolingDenominator.MEAN));
        assertEquals(0.6, mncl.weights(0).get("img"), 1e-12);
        assertEquals(0.4, mncl.weights(0).get("fg"), 1e-12);
        assertEquals(0.0, mncl.weights(0).get("bg"), 1e-12);
        assertEquals(1.0, mncl.weights(1).get("fg"), 1e-12);
        SslLoss tf = new HarlLoss(new HarlLossConfig(Schedule.steps(List.of(0.5, 0.7, 0.9), List.of(0.7, 0.9)),
                Schedule.fromScalar(0.5), 1e-3, -1, PoolingDenominator.MEAN));
        assertEquals(0.5, tf.weights(0.95).get("img"), 1e-12);
        assertEquals(0.45, tf.weights(0.95).get("fg"), 1e-12);
        assertEquals(0.05, tf.weights(0.95).get("bg"), 1e-12);
        assertEquals(Map.of("alpha", 0.9, "beta", 0.5), tf.scheduleValues(0.95));
        SslLoss byolAsHarl = new HarlLoss(new HarlLossConfig(Schedule.fromScalar(0.5), Schedule.fromScalar(1), 1e-3,
                -1, PoolingDenominator.MEAN));
        assertEquals(1.0, byolAsHarl.weights(0.3).get("img"));
        assertEquals(0.0, byolAsHarl.weights(0.3).get("fg"));
    }

    @Test
    void pluginRegistersBothLosses() {
        assertEquals(List.of("byol", "harl"), new LossesPlugin().factories().stream().map(f -> f.name()).toList());
    }
}
