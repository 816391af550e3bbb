package org.harl.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class StudentTTest {

    @Test
    void quantilesMatchTheClosedFormsForOneAndTwoDegreesOfFreedom() {
        for (double p : new double[] {0.6, 0.9, 0.975, 0.995}) {
            assertEquals(Math.tan(Math.PI * (p - 0.5)), StudentT.quantile(p, 1), 1e-9, "dof 1, p " + p);
            double two = (2 * p - 1) / Math.sqrt(2 * p * (1 - p));
            assertEquals(two, StudentT.quantile(p, 2), 1e-9, "dof 2, p " + p);
        }
    }

    @Test
    void quantilesMatchPublishedValues() {
        // two-sided 95 % critical values (R: qt(0.975, df)), 6 decimals
        assertEquals(12.706205, StudentT.quantile(0.975, 1), 1e-6);
        assertEquals(4.302653, StudentT.quantile(0.975, 2), 1e-6);
        assertEquals(3.182446, StudentT.quantile(0.975, 3), 1e-6);
        assertEquals(2.776445, StudentT.quantile(0.975, 4), 1e-6);
        assertEquals(2.228139, StudentT.quantile(0.975, 10), 1e-6);
        assertEquals(2.042272, StudentT.quantile(0.975, 30), 1e-6);
        assertEquals(1.962339, StudentT.quantile(0.975, 1000), 1e-6);
        assertEquals(-2.776445, StudentT.quantile(0.025, 4), 1e-6);
        assertEquals(0.0, StudentT.quantile(0.5, 7), 1e-12);
    }

    @Test
    void cdfIsSymmetricAndInvertsTheQuantile() {
        assertEquals(0.5, StudentT.cdf(0, 3), 1e-15);
        assertEquals(1 - StudentT.cdf(1.3, 5), StudentT.cdf(-1.3, 5), 1e-14);
        assertEquals(0.975, StudentT.cdf(StudentT.quantile(0.975, 6), 6), 1e-12);
        assertEquals(0.5 + Math.atan(2.0) / Math.PI, StudentT.cdf(2, 1), 1e-12); // Cauchy
    }

    @Test
    void badArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> StudentT.quantile(1.0, 3));
        assertThrows(IllegalArgumentException.class, () -> StudentT.quantile(0.975, 0));
    }
}
