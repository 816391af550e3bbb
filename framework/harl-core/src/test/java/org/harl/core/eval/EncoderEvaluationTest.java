package org.harl.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.harl.core.run.RunDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncoderEvaluationTest {

    @TempDir
    Path runDir;

    @Test
    void recordKeepsTheMonitorsKnnValueOnce() {
        new RunDirectory(runDir).mergeSummary(Map.of("knn_top1", 0.3, "steps", 8));
        EncoderEvaluation.record(runDir, Map.of("linear_top1", 0.5));
        EncoderEvaluation.record(runDir, Map.of("knn_top1", 0.4, "knn_k", 20));
        EncoderEvaluation.record(runDir, Map.of("knn_top1", 0.45, "knn_k", 20));
        Map<String, Object> summary = new RunDirectory(runDir).summary();
        assertEquals(0.3, summary.get("monitor_knn_top1"));
        assertEquals(0.45, summary.get("knn_top1"));
        assertEquals(0.5, summary.get("linear_top1"));
        assertEquals(8, summary.get("steps"));
    }
}
