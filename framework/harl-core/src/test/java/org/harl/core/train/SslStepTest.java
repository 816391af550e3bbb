package org.harl.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.harl.core.config.HeadsConfig;
import org.harl.testing.AutogradChecks;
import org.junit.jupiter.api.Test;

class SslStepTest {

    @Test
    void regressionIsTwoMinusTwoCosineOverValidSamples() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray p = m.create(new float[] {1, 0, 3, 4, 1, 1}, new Shape(3, 2));
            NDArray z = m.create(new float[] {2, 0, 4, -3, -1, -1}, new Shape(3, 2));
            NDArray valid = m.create(new float[] {1, 1, 0}); // the third pair (cos -1) does not count
            // cos = 1 and 0 -> mean 0.5 -> 2 - 1 = 1
            assertEquals(1f, SslStep.regression(p, z, valid).getFloat(), 1e-6f);
        }
    }

    @Test
    void allZeroEmbeddingsGiveFiniteGradients() {
        // a batch whose every mask is empty pools to zero vectors; sqrt'(0) = inf must not turn into NaN weights
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray p = m.zeros(new Shape(4, 3));
            p.setRequiresGradient(true);
            NDArray z = m.zeros(new Shape(4, 3));
            NDArray valid = m.zeros(new Shape(4));
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray loss = SslStep.regression(p, z, valid);
                assertEquals(2f, loss.getFloat(), 1e-6f);
                gc.backward(loss.mul(0.5f));
            }
            for (float g : p.getGradient().toFloatArray()) {
                assertTrue(Float.isFinite(g), "gradient " + g);
            }
        }
    }

    @Test
    void aGarbageCollectionBetweenForwardAndBackwardChangesNothing() {
        // DJL's scalar operands used to be freed by a GC before backward read them: sporadic NaN in training
        float[] clean = stepGradient(false);
        float[] collected = stepGradient(true);
        assertArrayEquals(clean, collected, 0f);
    }

    /** Loss and every online gradient after one step of a fresh tiny network (same seed each call). */
    private static float[] stepGradient(boolean collect) {
        TestParts.FakeSource data = new TestParts.FakeSource(4, 8, 1, 3);
        try (SslNetworks nets = new SslNetworks(new TestParts.TinyBackbone(), new HeadsConfig(16, 8, 16), 8, 5)) {
            List<ByteBuffer> keep = new ArrayList<>();
            StepListener gc = new StepListener() {
                @Override
                public void onStepEnd(long step, StepResult result, SslNetworks networks) {
                }

                @Override
                public void beforeBackward() {
                    if (collect) {
                        keep.addAll(AutogradChecks.collectAndPoison());
                    }
                }
            };
            SslStep step = new SslStep(nets, new TestParts.ImgFgLoss(), gc);
            StepResult r = step.run(data.make(0, 0), 0.3, 0.5);
            List<Float> out = new ArrayList<>(List.of((float) r.loss()));
            for (Parameter p : nets.trainable().values()) {
                for (float g : p.getArray().getGradient().toFloatArray()) {
                    out.add(g);
                }
            }
            assertTrue(Float.isFinite(out.get(0)));
            float[] a = new float[out.size()];
            for (int i = 0; i < a.length; i++) {
                a[i] = out.get(i);
            }
            keep.clear();
            return a;
        }
    }
}
