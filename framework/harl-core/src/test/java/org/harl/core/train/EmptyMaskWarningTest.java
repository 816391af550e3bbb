package org.harl.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.harl.core.config.ExperimentConfig;
import org.harl.core.config.MonitorConfig;
import org.harl.core.masks.EmptyMaskCheck;
import org.harl.core.run.RunOptions;
import org.harl.core.run.RunResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run whose proposer found no foreground still completes, but its summary says so. */
class EmptyMaskWarningTest {

    @TempDir
    Path runs;

    private RunResult run(String name, long empty, long loaded) throws Exception {
        ExperimentConfig e = TestParts.experiment(name, TestParts.training(1, 4, 1, 0), TestParts.lars(),
                MonitorConfig.defaults());
        TestParts.FakeSource source = new TestParts.FakeSource(4, 8, 2, 3) {
            @Override
            public Map<String, Long> counters() {
                return Map.of("samples_loaded", loaded, "empty_masks", empty);
            }
        };
        TestParts.RecordingTracker t = new TestParts.RecordingTracker();
        RunResult r = new TrainingLoop(e, new TestParts.TinyBackbone(), new TestParts.ImgFgLoss(), source, 8,
                Optional.empty(), List.of(t)).run(new RunOptions(runs, false, null, true));
        assertEquals(r.summary().get(EmptyMaskCheck.SHARE), t.summary.get(EmptyMaskCheck.SHARE),
                "the trackers (summary.json) get the share too");
        return r;
    }

    @Test
    void allMasksEmptyIsWarnedInTheSummary() throws Exception {
        RunResult r = run("all_empty", 1280, 1280);
        assertTrue(r.completed());
        assertEquals(1.0, (double) r.summary().get(EmptyMaskCheck.SHARE), 0);
        String warning = (String) r.summary().get(EmptyMaskCheck.WARNING);
        assertTrue(warning.contains("1280 of 1280") && warning.contains("max_empty_mask_share"), warning);
    }

    @Test
    void aFewEmptyMasksGiveTheShareWithoutAWarning() throws Exception {
        RunResult r = run("few_empty", 8, 16);
        assertEquals(0.5, (double) r.summary().get(EmptyMaskCheck.SHARE), 0);
        assertFalse(r.summary().containsKey(EmptyMaskCheck.WARNING), "0.5 is not more than the default 0.5");
    }
}
