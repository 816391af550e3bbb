package org.harl.core.masks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.harl.core.config.TrainingConfig;
import org.harl.spi.config.InvalidConfigException;
import org.junit.jupiter.api.Test;

class EmptyMaskCheckTest {

    @Test
    void warnsOnlyAboveTheLimit() {
        Map<String, Object> over = EmptyMaskCheck.summarise("r", Map.of("samples_loaded", 10L, "empty_masks", 6L), 0.5);
        assertEquals(0.6, (double) over.get(EmptyMaskCheck.SHARE), 1e-12);
        assertTrue(((String) over.get(EmptyMaskCheck.WARNING)).contains("6 of 10 masks (60.0 %)"));
        Map<String, Object> at = EmptyMaskCheck.summarise("r", Map.of("samples_loaded", 10L, "empty_masks", 5L), 0.5);
        assertEquals(Map.of(EmptyMaskCheck.SHARE, 0.5), at);
        Map<String, Object> never = EmptyMaskCheck.summarise("r", Map.of("samples_loaded", 4L, "empty_masks", 4L), 1);
        assertEquals(Map.of(EmptyMaskCheck.SHARE, 1.0), never);
    }

    @Test
    void runsWithoutMasksGetNoEntries() {
        assertEquals(Map.of(), EmptyMaskCheck.summarise("r", Map.of("samples_loaded", 10L), 0.5));
        assertEquals(Map.of(), EmptyMaskCheck.summarise("r", Map.of("samples_loaded", 0L, "empty_masks", 0L), 0.5));
    }

    @Test
    void theLimitIsAValidatedTrainingKeyWithAHalfDefault() {
        assertEquals(0.5, TrainingConfig.defaults().maxEmptyMaskShare());
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> new TrainingConfig(1, 4, 0, 1, 0.99, 1.0, 1, 1, 0, 0, 1.5));
        assertTrue(e.getMessage().contains("max_empty_mask_share"), e.getMessage());
    }
}
