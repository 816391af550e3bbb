package org.harl.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SchedulesTest {

    @Test
    void warmupThenCosineToTheFinalFraction() {
        Schedules s = new Schedules(0.2, 10, 110, 0, 0.99, 1);
        assertEquals(0.02, s.lr(0), 1e-12);
        assertEquals(0.10, s.lr(4), 1e-12);
        assertEquals(0.20, s.lr(9), 1e-12);
        assertEquals(0.20, s.lr(10), 1e-12);
        // step 59 is 49 of the 99 cosine intervals after warmup
        assertEquals(0.1 * (1 + Math.cos(Math.PI * 49 / 99)), s.lr(59), 1e-12);
        assertEquals(0.0, s.lr(109), 1e-12);
        Schedules f = new Schedules(1.0, 0, 11, 0.1, 0.99, 1);
        assertEquals(1.0, f.lr(0), 1e-12);
        assertEquals(0.55, f.lr(5), 1e-12);
        assertEquals(0.1, f.lr(10), 1e-12);
        Schedules mid = new Schedules(0.2, 10, 111, 0, 0.99, 1);
        assertEquals(0.1, mid.lr(60), 1e-12); // halfway through the 100 cosine intervals
    }

    @Test
    void tauAnnealsFromBaseToFinal() {
        Schedules s = new Schedules(1, 0, 100, 0, 0.99, 1.0);
        assertEquals(0.99, s.tau(0), 1e-12);
        assertEquals(0.995, s.tau(50), 1e-12);
        assertEquals(1.0, s.tau(100), 1e-12);
        assertEquals(1 - 0.01 * (Math.cos(Math.PI * 0.25) + 1) / 2, s.tau(25), 1e-12);
    }
}
