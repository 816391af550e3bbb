package org.harl.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunSummaryTest {

    @Test
    void aFinishedRunsSummaryHasItsKeysInOrderWithEmptyMaskTotals() {
        RunSummary s = new RunSummary();
        s.knn(0, 0.25);
        s.countEmptyMasks(Map.of("fg", 2L));
        s.countEmptyMasks(Map.of("fg", 3L));
        s.knn(4, 0.5);
        Map<String, Object> v = s.completed(40, 1.5, Map.of("time_step_s", 1.25), Map.of("samples_loaded", 160L),
                Map.of("empty_mask_warning", "x"), "ckpt");
        assertEquals(List.of("knn_top1_init", "knn_top1", "steps", "wall_s", "time_step_s", "empty_fg_total",
                "data_samples_loaded", "empty_mask_warning", "checkpoint", "completed"), List.copyOf(v.keySet()));
        assertEquals(1.25, v.get("time_step_s"));
        assertEquals(0.25, v.get("knn_top1_init"));
        assertEquals(0.5, v.get("knn_top1"));
        assertEquals(5L, v.get("empty_fg_total"));
        assertEquals(40L, v.get("steps"));
        assertEquals(true, v.get("completed"));
    }

    @Test
    void theUntrainedEncodersScoreHasItsOwnKey() {
        assertEquals("knn_top1_init", RunSummary.knnKey(0));
        assertEquals("knn_top1", RunSummary.knnKey(1));
    }
}
