package org.harl.plugins.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.harl.spi.config.InvalidConfigException;
import org.junit.jupiter.api.Test;

class ScheduleTest {

    @Test
    void scalarIsAConstant() {
        Schedule s = Schedule.fromScalar(0.5);
        assertEquals(Schedule.Type.CONSTANT, s.type());
        assertEquals(0.5, s.valueAt(0));
        assertEquals(0.5, s.valueAt(1));
        assertEquals(1.0, Schedule.fromScalar(1).valueAt(0.3));
        assertEquals(0.25, Schedule.fromScalar("0.25").valueAt(0.3));
        assertThrows(InvalidConfigException.class, () -> Schedule.fromScalar("cosine"));
    }

    @Test
    void cosineAnnealsFromTo() {
        Schedule beta = Schedule.cosine(0.6, 0.0); // MNCL.sh beta
        assertEquals(0.6, beta.valueAt(0), 1e-12);
        assertEquals(0.3, beta.valueAt(0.5), 1e-12);
        assertEquals(0.0, beta.valueAt(1), 1e-12);
        assertEquals(0.6 * (1 + Math.cos(Math.PI * 0.25)) / 2, beta.valueAt(0.25), 1e-12);
    }

    @Test
    void stepsSwitchAtThresholds() {
        Schedule alpha = Schedule.steps(List.of(0.5, 0.7, 0.9), List.of(0.7, 0.9)); // TF alpha
        assertEquals(0.5, alpha.valueAt(0));
        assertEquals(0.5, alpha.valueAt(0.69));
        assertEquals(0.7, alpha.valueAt(0.7));
        assertEquals(0.7, alpha.valueAt(0.89));
        assertEquals(0.9, alpha.valueAt(0.9));
        assertEquals(0.9, alpha.valueAt(1));
    }

    @Test
    void invalidSchedulesNameTheKey() {
        assertEquals("values", assertThrows(InvalidConfigException.class,
                () -> Schedule.steps(List.of(0.5, 0.7), List.of(0.2, 0.4))).key());
        assertEquals("at", assertThrows(InvalidConfigException.class,
                () -> Schedule.steps(List.of(0.5, 0.7, 0.9), List.of(0.9, 0.7))).key());
        assertEquals("from", assertThrows(InvalidConfigException.class, () -> Schedule.cosine(1.5, 0)).key());
        assertEquals("value", assertThrows(InvalidConfigException.class, () -> Schedule.constant(-0.1)).key());
    }
}
