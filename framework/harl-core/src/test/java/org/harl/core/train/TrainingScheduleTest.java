package org.harl.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.LongStream;
import org.harl.core.config.MonitorConfig;
import org.harl.core.config.OptimizerConfig;
import org.junit.jupiter.api.Test;

class TrainingScheduleTest {

    /** 2 epochs of 5 batches, accumulating 3: optimizer steps end after batches 2, 5, 8 and the last one, 9. */
    private static TrainingSchedule schedule(double warmupEpochs) {
        OptimizerConfig opt = new OptimizerConfig(OptimizerConfig.OptimizerType.SGD, 0.4, 0, 0.9, 1e-3,
                warmupEpochs, 0.1, true);
        return TrainingSchedule.of(TestParts.experiment("s", TestParts.training(2, 64, 3, 0), opt,
                MonitorConfig.defaults()), 5);
    }

    @Test
    void optimizerStepsEndEveryAccumulateBatchesAndAfterTheLast() {
        TrainingSchedule s = schedule(0);
        assertEquals(10, s.totalBatches());
        List<Long> ends = LongStream.range(0, 10).filter(s::endsOptimizerStep).boxed().toList();
        assertEquals(List.of(2L, 5L, 8L, 9L), ends);
        assertEquals(1.0 / 3, s.lossScale(), 1e-15);
    }

    @Test
    void lrAndTauFollowTheOptimizerStepOfEachBatch() {
        TrainingSchedule s = schedule(1.2); // warmup round(1.2 * 5 / 3) = 2 optimizer steps of 4
        double peak = 0.4 * 64 * 3 / 256.0;
        Schedules perStep = new Schedules(peak, 2, 4, 0.1, 0.99, 1.0);
        for (long g = 0; g < 10; g++) {
            assertEquals(perStep.lr(g / 3), s.lr(g), 1e-15, "lr of batch " + g);
            assertEquals(perStep.tau(g / 3 + 1), s.tau(g), 1e-15, "tau of batch " + g);
        }
        assertEquals(peak / 2, s.lr(0), 1e-15); // first warmup step
        assertEquals(peak / 2, s.lr(2), 1e-15); // same optimizer step
        assertEquals(peak, s.lr(3), 1e-15);
        assertEquals(peak * 0.1, s.lr(9), 1e-15); // the last optimizer step reaches the final fraction
        assertEquals(1.0, s.tau(9), 1e-15);
    }

    @Test
    void progressAndResumePositions() {
        TrainingSchedule s = schedule(0);
        assertEquals(0.0, s.progress(0));
        assertEquals(0.7, s.progress(7), 1e-15);
        assertEquals(1, s.epochOf(7));
        assertEquals(0, s.epochOf(4));
        // resumed after 7 batches: epoch 1 continues at its batch 2; a later epoch starts at 0
        assertEquals(2, s.firstBatchIn(1, 7));
        assertEquals(0, s.firstBatchIn(1, 5));
        assertEquals(0, s.firstBatchIn(0, 0));
        assertFalse(s.endsOptimizerStep(6));
        assertTrue(s.endsOptimizerStep(5));
    }
}
