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
        Map<String, Object> v = s.completed(40, 1.5, 1.0, 16, Map.of("time_step_s", 1.25),
                Map.of("samples_loaded", 160L),
                Map.of("empty_mask_warning", "x"), "ckpt");
        assertEquals(List.of("knn_top1_init", "knn_top1", "steps", "wall_s", "wall_s_attempt",
                "resumed_at_step", "time_step_s", "empty_fg_total",
                "data_samples_loaded", "empty_mask_warning", "checkpoint", "completed"), List.copyOf(v.keySet()));
        assertEquals(1.25, v.get("time_step_s"));
        assertEquals(0.25, v.get("knn_top1_init"));
        assertEquals(0.5, v.get("knn_top1"));
        assertEquals(5L, v.get("empty_fg_total"));
        assertEquals(40L, v.get("steps"));
        assertEquals(true, v.get("completed"));
        assertEquals(1.5, v.get("wall_s"));
        assertEquals(1.0, v.get("wall_s_attempt"));
        assertEquals(16L, v.get("resumed_at_step"));
    }

    @Test
    void aResumeFromACheckpointWithoutItsTimeReportsThisAttemptAndSaysSo() {
        Map<String, Object> v = new RunSummary().completed(40, Double.NaN, 1.0, 16, Map.of(), Map.of(), Map.of(), "c");
        assertEquals(1.0, v.get("wall_s"));
        assertEquals(true, v.get("wall_s_partial"));
        Map<String, Object> whole = new RunSummary().completed(40, 3.0, 1.0, 16, Map.of(), Map.of(), Map.of(), "c");
        assertEquals(null, whole.get("wall_s_partial"));
    }

    @Test
    void theUntrainedEncodersScoreHasItsOwnKey() {
        assertEquals("knn_top1_init", RunSummary.knnKey(0));
        assertEquals("knn_top1", RunSummary.knnKey(1));
    }
}
