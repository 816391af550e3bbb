package org.harl.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.harl.core.config.HeadsConfig;
import org.harl.core.train.optim.MomentumSgd;
import org.harl.core.train.optim.StatefulOptimizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointPolicyTest {

    @TempDir
    Path run;

    private CheckpointPolicy policy(int every, long total) {
        return new CheckpointPolicy(new Checkpoints(run), every, total, 7);
    }

    @Test
    void dueOnOptimizerStepsAtTheIntervalOrAnEpochEndButNotAfterTheLastBatch() {
        CheckpointPolicy p = policy(4, 12);
        assertTrue(p.due(4, true, false));
        assertFalse(p.due(4, false, false)); // mid-accumulation: the gradient so far would be lost
        assertFalse(p.due(4, false, true));
        assertFalse(p.due(5, true, false));
        assertTrue(p.due(5, true, true)); // epoch end
        assertFalse(p.due(12, true, true)); // the run writes its final checkpoint itself
        CheckpointPolicy epochsOnly = policy(0, 12);
        assertFalse(epochsOnly.due(4, true, false));
        assertTrue(epochsOnly.due(6, true, true));
    }

    @Test
    void resumePointRefusesToResumeNothingOrToOverwrite() throws Exception {
        CheckpointPolicy p = policy(0, 10);
        var none = assertThrows(IllegalStateException.class, () -> p.resumePoint(true, run));
        assertTrue(none.getMessage().contains("no checkpoint"), none.getMessage());
        assertEquals(Optional.empty(), p.resumePoint(false, run));
        Files.createDirectories(run.resolve("checkpoints"));
        Files.writeString(run.resolve("checkpoints/step-000000003.ckpt"), "x");
        Files.writeString(run.resolve("checkpoints/step-000000010.ckpt"), "x");
        Files.writeString(run.resolve("checkpoints/step-000000011.ckpt.tmp"), "torn");
        assertEquals(Optional.of(run.resolve("checkpoints/step-000000010.ckpt")), p.resumePoint(true, run));
        var overwrite = assertThrows(IllegalStateException.class, () -> p.resumePoint(false, run));
        assertTrue(overwrite.getMessage().contains("--resume"), overwrite.getMessage());
    }

    @Test
    void keepsTheNewestTwoAndResumesFromTheLastWritten() throws Exception {
        CheckpointPolicy p = policy(1, 10);
        assertEquals("none", p.last());
        try (SslNetworks nets = new SslNetworks(new TestParts.TinyBackbone(), new HeadsConfig(16, 8, 16), 8, 5)) {
            StatefulOptimizer opt = new MomentumSgd(0.9f, 0f, Set.of());
            for (long done = 1; done <= 4; done++) {
                p.save(done, nets, opt);
            }
            assertEquals(run.resolve("checkpoints/step-000000004.ckpt").toString(), p.last());
            try (var files = Files.list(run.resolve("checkpoints"))) {
                assertEquals(List.of("step-000000003.ckpt", "step-000000004.ckpt"),
                        files.map(f -> f.getFileName().toString()).sorted().toList());
            }
            CheckpointPolicy resumed = policy(1, 10);
            Path from = resumed.resumePoint(true, run).orElseThrow();
            assertEquals(4, resumed.resume(from, nets, opt));
            assertEquals(from.toString(), resumed.last());
            assertEquals(4, resumed.resumedAt());
            assertEquals(0, p.resumedAt());
        }
    }

    @Test
    void theTrainingClockRunsOnAcrossAResumeAndIsUnknownAfterAVersion1Checkpoint() throws Exception {
        CheckpointPolicy first = policy(1, 10);
        Thread.sleep(30);
        try (SslNetworks nets = new SslNetworks(new TestParts.TinyBackbone(), new HeadsConfig(16, 8, 16), 8, 5)) {
            StatefulOptimizer opt = new MomentumSgd(0.9f, 0f, Set.of());
            Path file = first.save(3, nets, opt);
            double recorded = Checkpoints.load(file, nets, opt).trainedSeconds();
            assertTrue(recorded >= 0.03 && recorded <= first.trainedSeconds(), String.valueOf(recorded));
            CheckpointPolicy second = policy(1, 10);
            second.resume(file, nets, opt);
            // the earlier attempt's seconds plus this one's, and this attempt's alone beside them
            assertTrue(second.trainedSeconds() >= recorded + second.attemptSeconds() - 1e-3);
            assertTrue(second.attemptSeconds() < recorded);

            // the same file as version 1 wrote it: no time after the seed
            Path v1 = run.resolve("checkpoints/step-000000005.ckpt");
            byte[] v2 = Files.readAllBytes(file);
            int headerEnd = 2 + "HARL-CHECKPOINT".length() + 4 + 8 + 8;
            try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(v1))) {
                out.writeUTF("HARL-CHECKPOINT");
                out.writeInt(1);
                out.writeLong(5);
                out.writeLong(7);
                out.write(v2, headerEnd + 8, v2.length - headerEnd - 8);
            }
            assertTrue(Double.isNaN(Checkpoints.load(v1, nets, opt).trainedSeconds()));
            CheckpointPolicy third = policy(1, 10);
            assertEquals(5, third.resume(v1, nets, opt));
            assertTrue(Double.isNaN(third.trainedSeconds()));
        }
    }
}
