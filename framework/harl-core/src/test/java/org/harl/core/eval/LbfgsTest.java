package org.harl.core.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LbfgsTest {

    /** Ill-conditioned quadratic sum_i a_i (x_i - c_i)^2 with minimum at c. */
    private static double quadratic(double[] x, double[] g) {
        double[] a = {1, 10, 100, 1000};
        double[] c = {1, -2, 3, 0.5};
        double f = 0;
        for (int i = 0; i < x.length; i++) {
            f += a[i] * (x[i] - c[i]) * (x[i] - c[i]);
            g[i] = 2 * a[i] * (x[i] - c[i]);
        }
        return f;
    }

    @Test
    void findsTheMinimumOfAnIllConditionedQuadratic() {
        Lbfgs.Result r = new Lbfgs(5, 200, 1e-9, 0).minimize(LbfgsTest::quadratic, new double[4]);
        assertTrue(r.converged());
        assertArrayEquals(new double[] {1, -2, 3, 0.5}, r.x(), 1e-8);
        assertEquals(0, r.value(), 1e-12);
    }

    @Test
    void minimisesRosenbrock() {
        Lbfgs.Objective rosen = (x, g) -> {
            double a = 1 - x[0];
            double b = x[1] - x[0] * x[0];
            g[0] = -2 * a - 400 * x[0] * b;
            g[1] = 200 * b;
            return a * a + 100 * b * b;
        };
        Lbfgs.Result r = new Lbfgs(10, 1000, 1e-8, 0).minimize(rosen, new double[] {-1.2, 1});
        assertArrayEquals(new double[] {1, 1}, r.x(), 1e-5);
    }

    @Test
    void reportsTheIterationLimit() {
        Lbfgs.Result r = new Lbfgs(5, 2, 1e-12, 0).minimize(LbfgsTest::quadratic, new double[4]);
        assertFalse(r.converged());
        assertEquals(2, r.iterations());
    }
}
