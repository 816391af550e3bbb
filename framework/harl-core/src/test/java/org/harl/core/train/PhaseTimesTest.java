package org.harl.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.harl.core.train.PhaseTimes.Phase;
import org.junit.jupiter.api.Test;

class PhaseTimesTest {

    @Test
    void everyPhaseHasItsKeyAndTimeAddsUpAcrossCalls() throws Exception {
        PhaseTimes t = new PhaseTimes();
        assertEquals("x", t.time(Phase.STEP, () -> sleep(30, "x")));
        t.run(Phase.STEP, () -> sleep(30, null));
        Map<String, Object> s = t.summary();
        assertEquals(List.of("time_data_wait_s", "time_step_s", "time_monitor_s", "time_checkpoint_s"),
                List.copyOf(s.keySet()));
        assertTrue((double) s.get("time_step_s") >= 0.058, "two sleeps of 30 ms: " + s);
        assertEquals(0.0, s.get("time_monitor_s"));
    }

    @Test
    void aFailingPhaseStillCountsItsTime() {
        PhaseTimes t = new PhaseTimes();
        assertThrows(IllegalStateException.class, () -> t.run(Phase.CHECKPOINT, () -> {
            sleep(20, null);
            throw new IllegalStateException("disk full");
        }));
        assertTrue(t.seconds(Phase.CHECKPOINT) >= 0.019);
    }

    private static <T> T sleep(long ms, T value) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        return value;
    }
}
