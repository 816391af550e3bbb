package org.harl.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProcessCountersTest {

    @Test
    void readsFaultsAndCpuTimeAfterACommandNameWithSpacesAndParentheses() {
        String stat = "4242 (java (main) x) S 1 4242 4242 0 -1 4194304 1234 0 5 0 250 75 0 0 20 0 30 0 100 0 0";
        ProcessCounters c = ProcessCounters.parse(stat);
        assertEquals(1234, c.minorFaults());
        assertEquals(2.5, c.userSeconds(), 1e-9);
        assertEquals(0.75, c.systemSeconds(), 1e-9);
        ProcessCounters d = ProcessCounters.parse(stat.replace(" 1234 ", " 1300 ").replace(" 250 75 ", " 260 80 "))
                .minus(c);
        assertEquals(66, d.minorFaults());
        assertEquals(0.10, d.userSeconds(), 1e-9);
        assertEquals(0.05, d.systemSeconds(), 1e-9);
    }

    @Test
    void thisProcessHasRunAndFaulted() {
        ProcessCounters c = ProcessCounters.now();
        assertTrue(c.minorFaults() > 0 && c.userSeconds() + c.systemSeconds() > 0, c.toString());
    }

    @Test
    void aLineWithoutACommandNameIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> ProcessCounters.parse("4242 S 1"));
    }
}
