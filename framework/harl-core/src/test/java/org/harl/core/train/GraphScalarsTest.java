package org.harl.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.harl.spi.nd.GraphScalars;
import org.harl.testing.AutogradChecks;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** DJL's number operands break backward after a GC; GraphScalars and the trainer's regression do not. */
class GraphScalarsTest {

    private static final Shape SHAPE = new Shape(3, 5);

    @Test
    void theCheckCatchesDjlNumberOperandsInTheGraph() {
        // the fault this guards against: without it, training met sporadic NaN (see GraphScalars)
        assertThrows(AssertionFailedError.class,
                () -> AutogradChecks.assertGradientSurvivesCollection(SHAPE, x -> x.mul(-2f)));
    }

    @Test
    void graphScalarsSurviveCollection() {
        AutogradChecks.assertGradientSurvivesCollection(SHAPE, x -> GraphScalars.mul(x, -2));
        AutogradChecks.assertGradientSurvivesCollection(SHAPE, x -> GraphScalars.div(x.square(), 3));
        AutogradChecks.assertGradientSurvivesCollection(SHAPE, x -> GraphScalars.affine(x, -2, 2).square());
        AutogradChecks.assertGradientSurvivesCollection(SHAPE, x -> GraphScalars.add(x.square(), 1e-3).sqrt());
    }

    @Test
    void valuesMatchPlainArithmetic() {
        try (NDManager m = NDManager.newBaseManager()) {
            var x = m.create(new float[] {1, -2, 4});
            assertArrayEquals(new float[] {-3, 6, -12}, GraphScalars.mul(x, -3).toFloatArray());
            assertArrayEquals(new float[] {0.5f, -1, 2}, GraphScalars.div(x, 2).toFloatArray());
            assertArrayEquals(new float[] {1.5f, -1.5f, 4.5f}, GraphScalars.add(x, 0.5).toFloatArray());
            assertArrayEquals(new float[] {0, 6, -6}, GraphScalars.affine(x, -2, 2).toFloatArray());
        }
    }

    @Test
    void regressionSurvivesCollection() {
        try (NDManager m = NDManager.newBaseManager()) {
            var z = m.randomNormal(SHAPE);
            var valid = m.create(new float[] {1, 0, 1});
            AutogradChecks.assertGradientSurvivesCollection(SHAPE, p -> SslStep.regression(p, z, valid));
        }
    }
}
