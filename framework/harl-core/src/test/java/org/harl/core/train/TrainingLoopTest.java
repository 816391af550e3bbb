package org.harl.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.harl.core.config.ExperimentConfig;
import org.harl.core.config.MonitorConfig;
import org.harl.core.config.OptimizerConfig;
import org.harl.core.data.PairBatch;
import org.harl.core.run.RunDirectory;
import org.harl.core.run.RunOptions;
import org.harl.core.run.RunResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingLoopTest {

    private static final int SIDE = 8;
    static int ACC = Integer.getInteger("acc", 2);

    @TempDir
    Path runs;

    private TestParts.RecordingTracker run(ExperimentConfig e, boolean resume, long haltAfter) throws Exception {
        TestParts.RecordingTracker t = new TestParts.RecordingTracker();
        TrainingLoop loop = new TrainingLoop(e, new TestParts.TinyBackbone(), new TestParts.ImgFgLoss(),
                new TestParts.FakeSource(e.training().batchSize(), SIDE, 4, 11), SIDE, Optional.empty(), List.of(t));
        if (haltAfter > 0) {
            // as if the process were killed after that many batches
            loop.addListener((step, result, nets) -> {
                if (step + 1 == haltAfter) {
                    throw new Killed();
                }
            });
            assertThrows(Killed.class, () -> loop.run(new RunOptions(runs, resume, null, true)));
        } else {
            loop.run(new RunOptions(runs, resume, null, true));
        }
        return t;
    }

    private static final class Killed extends RuntimeException {
    }

    /** A fresh run of batch 4 with a 3-class kNN monitor, recorded by {@code t}. */
    private RunResult runMonitored(ExperimentConfig e, TestParts.RecordingTracker t, String group) throws Exception {
        return new TrainingLoop(e, new TestParts.TinyBackbone(), new TestParts.ImgFgLoss(),
                new TestParts.FakeSource(4, SIDE, 4, 3), SIDE, Optional.of(TestParts.knnMonitor(SIDE, 3)), List.of(t))
                .run(new RunOptions(runs, false, group, true));
    }

    @Test
    void resumedRunLogsTheSameLossesAsAnUninterruptedOne() throws Exception {
        for (OptimizerConfig.OptimizerType type : OptimizerConfig.OptimizerType.values()) {
            OptimizerConfig opt = new OptimizerConfig(type, 0.5, 1e-4, 0.9, 1e-3, 1, 0, true);
            Map<Long, Double> full = run(TestParts.experiment("full-" + type, TestParts.training(3, 4, ACC, 2), opt,
                    MonitorConfig.defaults()), false, 0).losses();
            assertEquals(12, full.size());
            ExperimentConfig cut = TestParts.experiment("cut-" + type, TestParts.training(3, 4, ACC, 2), opt,
                    MonitorConfig.defaults());
            // killed after 7 batches; the last checkpoint was written after 6; not marked completed
            assertFalse(run(cut, false, 7).summary.containsKey("completed"));
            assertFalse(new RunDirectory(runs.resolve("cut-" + type)).isCompleted());
            assertTrue(Files.exists(runs.resolve("cut-" + type + "/checkpoints/step-000000006.ckpt")));
            TestParts.RecordingTracker second = run(cut, true, 0);
            Map<Long, Double> resumed = second.losses();
            // the run's time counts the first attempt up to its checkpoint as well as this one
            assertEquals(6L, second.summary.get("resumed_at_step"));
            assertTrue((double) second.summary.get("wall_s") > (double) second.summary.get("wall_s_attempt"),
                    second.summary.toString());
            assertEquals(List.of(6L, 7L, 8L, 9L, 10L, 11L), List.copyOf(resumed.keySet()), type.toString());
            resumed.forEach((step, loss) -> assertEquals(full.get(step), loss, 1e-4, type + " step " + step));
            // losses move: a resume that silently restarted from scratch would not match step 1's value
            assertFalse(Math.abs(full.get(0L) - full.get(11L)) < 1e-6);
        }
    }

    @Test
    void writesConfigMetricsAndKeepsTwoCheckpoints() throws Exception {
        ExperimentConfig e = TestParts.experiment("dir", TestParts.training(2, 4, 1, 1), TestParts.lars(),
                new MonitorConfig(1, 3, 0.07, 0, 0, false));
        TestParts.RecordingTracker t = new TestParts.RecordingTracker();
        RunResult r = runMonitored(e, t, "g");
        assertTrue(r.completed());
        assertTrue(Files.readString(runs.resolve("dir/config.yaml")).contains("name: dir"));
        try (var s = Files.list(runs.resolve("dir/checkpoints"))) {
            assertEquals(List.of("step-000000007.ckpt", "step-000000008.ckpt"),
                    s.map(p -> p.getFileName().toString()).sorted().toList());
        }
        Map<String, Object> row = t.rows.get(0);
        for (String key : List.of("step", "epoch", "loss", "loss_img", "loss_fg", "lr", "tau", "alpha", "beta",
                "images_per_s", "empty_fg")) {
            assertTrue(row.containsKey(key), key + " missing from " + row);
        }
        assertEquals(2L, row.get("empty_fg")); // sample 0 has an empty mask in both views
        assertEquals(0.5 * 4 / 256 / 4, (double) row.get("lr"), 1e-12); // warmup step 1 of 4
        long knnRows = t.rows.stream().filter(x -> x.containsKey("knn_top1")).count();
        assertEquals(2, knnRows); // after epoch 1, and at the end
        double acc = (double) r.summary().get("knn_top1");
        assertTrue(acc >= 0 && acc <= 1);
        assertEquals(16L, r.summary().get("empty_fg_total"));
        assertEquals(true, r.summary().get("completed"));
        assertEquals(true, t.summary.get("completed"));
        // where the wall time went: every phase ran, and together they stay within the run's wall time
        double phases = 0;
        for (String key : List.of("time_data_wait_s", "time_step_s", "time_monitor_s", "time_checkpoint_s")) {
            double v = (double) r.summary().get(key);
            assertTrue(v > 0, key + " in " + r.summary());
            phases += v;
        }
        assertTrue(phases <= (double) r.summary().get("wall_s"), r.summary().toString());
        assertEquals(0L, r.summary().get("resumed_at_step"));
        assertEquals((double) r.summary().get("wall_s"), (double) r.summary().get("wall_s_attempt"), 0.05);
        // the run directory writes summary.json itself: no tracker here writes files
        Map<String, Object> written = new RunDirectory(runs.resolve("dir")).summary();
        assertEquals(true, written.get("completed"));
        assertEquals(acc, (double) written.get("knn_top1"), 0);
        assertEquals(0, t.exitCode);
        assertEquals("g", t.info.group());
    }

    @Test
    void monitorAtStartScoresTheUntrainedEncoderUnderItsOwnKey() throws Exception {
        ExperimentConfig e = TestParts.experiment("init", TestParts.training(1, 4, 1, 1), TestParts.lars(),
                new MonitorConfig(0, 3, 0.07, 0, 0, true));
        TestParts.RecordingTracker t = new TestParts.RecordingTracker();
        RunResult r = runMonitored(e, t, null);
        List<Map<String, Object>> knnRows = t.rows.stream().filter(x -> x.containsKey("knn_top1")).toList();
        assertEquals(2, knnRows.size()); // before the first step, and at the end
        assertEquals(0, knnRows.get(0).get("epoch"));
        assertEquals(1, knnRows.get(1).get("epoch"));
        assertEquals((double) knnRows.get(0).get("knn_top1"), (double) r.summary().get("knn_top1_init"), 0);
        assertEquals((double) knnRows.get(1).get("knn_top1"), (double) r.summary().get("knn_top1"), 0);
    }

    @Test
    void refusesToOverwriteOrToResumeNothing() throws Exception {
        ExperimentConfig e = TestParts.experiment("once", TestParts.training(1, 4, 1, 0), TestParts.lars(),
                MonitorConfig.defaults());
        assertThrows(IllegalStateException.class, () -> run(e, true, 0));
        run(e, false, 0);
        var ex = assertThrows(IllegalStateException.class, () -> run(e, false, 0));
        assertTrue(ex.getMessage().contains("--resume"), ex.getMessage());
    }

    @Test
    void nanLossStopsWithStepAndTermAndKeepsTheLastCheckpoint() throws Exception {
        ExperimentConfig e = TestParts.experiment("nan", TestParts.training(2, 4, 1, 2), TestParts.lars(),
                MonitorConfig.defaults());
        TestParts.FakeSource poisoned = new TestParts.FakeSource(4, SIDE, 4, 5) {
            @Override
            PairBatch make(int epoch, int step) {
                PairBatch b = super.make(epoch, step);
                if (epoch == 1 && step == 1) {
                    java.util.Arrays.fill(b.view1(), Float.NaN);
                }
                return b;
            }
        };
        TestParts.RecordingTracker t = new TestParts.RecordingTracker();
        TrainingLoop loop = new TrainingLoop(e, new TestParts.TinyBackbone(), new TestParts.ImgFgLoss(), poisoned,
                SIDE, Optional.empty(), List.of(t));
        var ex = assertThrows(NonFiniteLossException.class, () -> loop.run(new RunOptions(runs, false, null, true)));
        assertEquals(5, ex.step());
        assertTrue(ex.getMessage().contains("step 5") && ex.getMessage().contains("step-000000004.ckpt"),
                ex.getMessage());
        assertEquals(1, t.exitCode);
        assertTrue(Files.exists(runs.resolve("nan/checkpoints/step-000000004.ckpt")));
        try (var s = Files.list(runs.resolve("nan/checkpoints"))) {
            assertTrue(s.noneMatch(p -> p.toString().endsWith(".tmp")));
        }
    }
}
