package org.harl.plugins.deepmasks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.harl.spi.data.Mask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Balanced BCE, its gradient, the head's logits, grid targets and the upsample-threshold-clean chain. */
class SaliencyHeadMathTest {

    NDManager manager;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    static double bce(float[] z, float[] y) {
        double pos = 0;
        for (float v : y) {
            pos += v;
        }
        double w = (y.length - pos) / y.length;
        double s = 0;
        for (int i = 0; i < z.length; i++) {
            double p = 1 / (1 + Math.exp(-z[i]));
            s += -(w * y[i] * Math.log(p) + (1 - w) * (1 - y[i]) * Math.log(1 - p));
        }
        return s / z.length;
    }

    @Test
    void balancedBceWeighsTheRareClassUp() {
        float[] z = {0.5f, -1f, 2f, 0f};
        float[] y = {1f, 0f, 0f, 0.5f};
        NDArray zz = manager.create(z);
        NDArray yy = manager.create(y);
        assertEquals((4 - 1.5) / 4, BalancedBce.positiveWeight(yy), 1e-7); // N- / N
        assertEquals(bce(z, y), BalancedBce.loss(zz, yy).getFloat(), 1e-6);
    }

    @Test
    void lossIsStableForLargeLogits() {
        NDArray z = manager.create(new float[] {200f, -200f});
        NDArray y = manager.create(new float[] {0f, 1f});
        // each wrong by 200: loss = mean(0.5*200, 0.5*200) = 100, finite
        assertEquals(100f, BalancedBce.loss(z, y).getFloat(), 1e-3);
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        float[] z = {0.3f, -0.7f, 1.1f, -2f, 0.05f};
        float[] y = {1f, 0f, 0.25f, 0f, 1f};
        float[] g = BalancedBce.gradient(manager.create(z), manager.create(y)).toFloatArray();
        for (int i = 0; i < z.length; i++) {
            float[] hi = z.clone();
            float[] lo = z.clone();
            hi[i] += 1e-3f;
            lo[i] -= 1e-3f;
            double numeric = (bce(hi, y) - bce(lo, y)) / 2e-3;
            assertEquals(numeric, g[i], 1e-4, "element " + i);
        }
    }

    @Test
    void headLogitsAreTheChannelDotProductPerCell() {
        // two channels over a 2x1 grid: cell 0 has features (1, 2), cell 1 has (3, 4)
        EncoderGrid.Features f = new EncoderGrid.Features(2, 2, 1, new float[] {1, 3, 2, 4});
        SaliencyHead head = new SaliencyHead(new float[] {0.5f, -1f});
        assertArrayEquals(new float[] {0.5f - 2f, 1.5f - 4f}, head.logits(f), 1e-6f);
        assertThrows(IllegalArgumentException.class,
                () -> head.logits(new EncoderGrid.Features(3, 1, 1, new float[3])));
    }

    @Test
    void trainerSeparatesFeaturesThatPredictTheTarget() {
        SplittableRandom r = new SplittableRandom(5);
        int m = 400;
        float[] x = new float[m * 3];
        float[] y = new float[m];
        for (int i = 0; i < m; i++) {
            boolean fg = i % 5 == 0; // 20% positives: the balance matters
            y[i] = fg ? 1f : 0f;
            x[3 * i] = (fg ? 1f : 0f) + (float) r.nextGaussian() * 0.2f;
            x[3 * i + 1] = (fg ? 0f : 1f) + (float) r.nextGaussian() * 0.2f;
            x[3 * i + 2] = (float) r.nextGaussian(); // noise channel
        }
        NDArray features = manager.create(x, new Shape(m, 3));
        NDArray targets = manager.create(y);
        int before = manager.getManagedArrays().size();
        SaliencyHeadTrainer.Result res = new SaliencyHeadTrainer(120, 0.1f).fit(features, targets, null);
        assertEquals(before, manager.getManagedArrays().size(), "training leaked arrays into the caller's manager");
        assertTrue(res.finalLoss() < 0.3 * res.losses().get(0), "loss " + res.losses().get(0) + " -> " + res.finalLoss());
        float[] w = res.head().weights();
        int correct = 0;
        for (int i = 0; i < m; i++) {
            float z = w[0] * x[3 * i] + w[1] * x[3 * i + 1] + w[2] * x[3 * i + 2];
            correct += (z > 0) == (y[i] > 0.5f) ? 1 : 0;
        }
        assertTrue(correct >= 0.97 * m, correct + "/" + m + " cells classified correctly");
        // deterministic: same data, same weights
        assertArrayEquals(w, new SaliencyHeadTrainer(120, 0.1f).fit(features, targets, null).head().weights());
    }

    @Test
    void bilinearResizeFollowsPyTorchAlignCornersFalse() {
        // torch.nn.functional.interpolate(tensor([[[[0.,1.]]]]), size=(1,4), mode='bilinear') = [0, .25, .75, 1]
        assertArrayEquals(new float[] {0f, 0.25f, 0.75f, 1f},
                SaliencyMaps.resizeBilinear(new float[] {0f, 1f}, 2, 1, 4, 1), 1e-6f);
        // a constant map stays constant
        float[] up = SaliencyMaps.resizeBilinear(new float[] {3f, 3f, 3f, 3f}, 2, 2, 5, 7);
        for (float v : up) {
            assertEquals(3f, v, 1e-6);
        }
    }

    @Test
    void upsampleSigmoidThresholdGivesTheStrongCellsQuadrant() {
        // 2x2 logits, only the top-left cell positive -> foreground in (most of) the top-left quadrant of 8x8
        Mask m = SaliencyHead.toMask(new float[] {6f, -6f, -6f, -6f}, 2, 2, 8, 8, 0.5, 0.01, false);
        assertEquals(1f, m.get(0, 0));
        // source coordinate of pixel i is (i + 0.5)/4 - 0.5: pixel 2 -> 0.125, pixel 3 -> 0.375
        // logit(2,2) = .875*(.875*6 - .125*6) - .125*6 = 3.19 > 0; logit(3,3) = .625*1.5 - .375*6 = -1.31 < 0
        assertEquals(1f, m.get(2, 2));
        assertEquals(0f, m.get(3, 3));
        assertEquals(0f, m.get(4, 4));
        assertEquals(0f, m.get(7, 0));
        Mask soft = SaliencyHead.toMask(new float[] {0f, 0f, 0f, 0f}, 2, 2, 3, 3, 0.5, 0.01, true);
        assertEquals(0.5f, soft.get(1, 1), 1e-6);
    }

    @Test
    void gridTargetsAverageExactAreas() {
        float[] d = new float[16]; // 4x4, top-left 2x2 foreground
        d[0] = d[1] = d[4] = d[5] = 1f;
        assertArrayEquals(new float[] {1f, 0f, 0f, 0f}, GridTargets.areaAverage(new Mask(4, 4, d), 2, 2), 1e-6f);
        // 3x3 into 2x2: each cell covers 1.5x1.5 pixels; pixel (0,0) fills 1 of 2.25
        float[] one = new float[9];
        one[0] = 1f;
        float[] g = GridTargets.areaAverage(new Mask(3, 3, one), 2, 2);
        assertArrayEquals(new float[] {1 / 2.25f, 0f, 0f, 0f}, g, 1e-6f);
        // area preserved: mean of the grid = mean of the mask
        float[] rnd = new float[35];
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < rnd.length; i++) {
            rnd[i] = (float) r.nextDouble();
        }
        Mask mask = new Mask(7, 5, rnd);
        float[] grid = GridTargets.areaAverage(mask, 3, 2);
        double mean = 0;
        for (float v : grid) {
            mean += v / grid.length;
        }
        assertEquals(mask.foregroundFraction(), mean, 1e-5);
    }
}
