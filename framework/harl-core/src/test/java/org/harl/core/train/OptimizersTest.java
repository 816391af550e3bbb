package org.harl.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.Set;
import org.harl.core.train.optim.AdamW;
import org.harl.core.train.optim.Lars;
import org.harl.core.train.optim.MomentumSgd;
import org.harl.core.train.optim.StatefulOptimizer;
import org.junit.jupiter.api.Test;

class OptimizersTest {

    @Test
    void larsScalesRegularWeightsByTheTrustRatioAndLeavesExcludedOnesAlone() {
        try (NDManager m = NDManager.newBaseManager()) {
            Lars lars = new Lars(0.9f, 0.1f, 0.001f, Set.of("bias"));
            lars.setLearningRate(1f);
            NDArray w = m.create(new float[] {3, 4});          // ||w|| = 5
            NDArray g = m.create(new float[] {0, 1});          // ||g|| = 1
            lars.update("weight", w, g);
            // d = (g + 0.1 w) * 0.001 * 5 / (1 + 0.1 * 5) = (0.3, 1.4) / 300
            assertArrayEquals(new float[] {3 - 0.3f / 300, 4 - 1.4f / 300}, w.toFloatArray(), 1e-7f);
            assertArrayEquals(new float[] {0, 0}, g.toFloatArray()); // gradient zeroed for the next step
            NDArray b = m.create(new float[] {1, 1});
            lars.update("bias", b, m.create(new float[] {0.5f, -0.5f}));
            assertArrayEquals(new float[] {0.5f, 1.5f}, b.toFloatArray(), 1e-7f); // plain momentum step, no wd
            lars.update("bias", b, m.create(new float[] {0.5f, -0.5f}));
            // buf = 0.9 * 0.5 + 0.5 = 0.95
            assertArrayEquals(new float[] {-0.45f, 2.45f}, b.toFloatArray(), 1e-6f);
        }
    }

    @Test
    void larsWithAZeroWeightFallsBackToPlainSgd() {
        try (NDManager m = NDManager.newBaseManager()) {
            Lars lars = new Lars(0f, 0f, 0.001f, Set.of());
            lars.setLearningRate(0.5f);
            NDArray w = m.zeros(new ai.djl.ndarray.types.Shape(2));
            lars.update("w", w, m.create(new float[] {1, 2}));
            assertArrayEquals(new float[] {-0.5f, -1f}, w.toFloatArray(), 1e-7f);
        }
    }

    @Test
    void sgdAndAdamWMatchTheirFormulas() {
        try (NDManager m = NDManager.newBaseManager()) {
            MomentumSgd sgd = new MomentumSgd(0.9f, 0.5f, Set.of());
            sgd.setLearningRate(0.1f);
            NDArray w = m.create(new float[] {2});
            sgd.update("w", w, m.create(new float[] {1}));     // buf = 1 + 0.5*2 = 2; w = 2 - 0.2
            assertEquals(1.8f, w.toFloatArray()[0], 1e-6f);
            AdamW adam = new AdamW(0.1f, Set.of());
            adam.setLearningRate(0.01f);
            NDArray a = m.create(new float[] {1});
            adam.update("a", a, m.create(new float[] {4}));    // first step: m/v corrected = sign -> 1
            assertEquals(1 * (1 - 0.001f) - 0.01f, a.toFloatArray()[0], 1e-6f);
        }
    }

    @Test
    void stateRoundTripsThroughACheckpoint() throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            StatefulOptimizer a = new MomentumSgd(0.9f, 0f, Set.of());
            a.setLearningRate(0.1f);
            NDArray w = m.create(new float[] {1, 2});
            a.update("w", w, m.create(new float[] {1, 1}));
            a.endStep();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            a.save(new DataOutputStream(bytes));
            StatefulOptimizer b = new MomentumSgd(0.9f, 0f, Set.of());
            b.load(m, new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
            assertEquals(1, b.steps());
            NDArray w2 = w.duplicate();
            a.update("w", w, m.create(new float[] {1, 1}));
            b.setLearningRate(0.1f);
            b.update("w", w2, m.create(new float[] {1, 1}));
            assertArrayEquals(w.toFloatArray(), w2.toFloatArray()); // momentum carried over
            StatefulOptimizer lars = new Lars(0.9f, 0f, 1e-3f, Set.of());
            var e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                    () -> lars.load(m, new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))));
            assertEquals("checkpoint holds sgd optimizer state, the experiment uses lars", e.getMessage());
        }
    }
}
