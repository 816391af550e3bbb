package org.harl.cli.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.harl.cli.CliRunner;
import org.harl.core.run.RunDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trains a tiny run with the real trainer and plugins, then evaluates it through the command line. */
class EncoderEvalCommandTest {

    private static final String TINY = """
            name: tiny
            dataset: {type: synthetic_objects, image_size: 32, train_size: 64, test_size: 40}
            backbone: {type: tiny_resnet, stem: small, widths: [4, 8], blocks_per_stage: 1}
            augmentation: {type: byol, size: 32, blur_p: [0.0, 0.0]}
            loss: byol
            training: {epochs: 1, batch_size: 16, workers: 1, threads: 1}
            optimizer: {type: sgd, base_lr: 0.1, warmup_epochs: 0}
            heads: {projector_hidden: 32, projection_size: 16, predictor_hidden: 32}
            monitor: {k: 5, bank_size: 64, test_size: 40}
            logging: [jsonl]
            """;

    @TempDir
    Path dir;

    @Test
    void linearAndKnnEvaluationsOfATrainedRun() throws Exception {
        Path file = Files.writeString(dir.resolve("tiny.yaml"), TINY);
        Path runs = dir.resolve("runs");
        CliRunner.Result run = CliRunner.run("run", file.toString(), "--runs-dir", runs.toString());
        assertEquals(0, run.exitCode(), run.err() + run.out());
        Path runDir = runs.resolve("tiny");
        double monitor = ((Number) new RunDirectory(runDir).summary().get("knn_top1")).doubleValue();

        CliRunner.Result linear = CliRunner.run("eval", "linear", "--checkpoint", runDir.toString(),
                "--test-limit", "32");
        assertEquals(0, linear.exitCode(), linear.err() + linear.out());
        assertTrue(linear.out().contains("features: 64 train, 32 test, dimension 8 (step 4"), linear.out());
        Map<String, Object> summary = new RunDirectory(runDir).summary();
        double top1 = ((Number) summary.get("linear_top1")).doubleValue();
        double top5 = ((Number) summary.get("linear_top5")).doubleValue();
        assertTrue(top1 >= 0 && top1 <= top5 && top5 <= 1, summary.toString());
        assertEquals(0, Math.round(top1 * 32) - top1 * 32, 1e-9, "a fraction of the 32 test images");

        CliRunner.Result knn = CliRunner.run("eval", "knn", "--checkpoint", runDir.toString(), "--k", "5,20",
                "--test-limit", "32");
        assertEquals(0, knn.exitCode(), knn.err() + knn.out());
        summary = new RunDirectory(runDir).summary();
        assertTrue(summary.containsKey("knn5_top1") && summary.containsKey("knn20_top5"), summary.toString());
        assertEquals(summary.get("knn5_top1"), summary.get("knn_top1"));
        assertEquals(monitor, ((Number) summary.get("monitor_knn_top1")).doubleValue(), 0);
        try (var cached = Files.list(runDir.resolve("eval"))) {
            assertEquals(2, cached.count(), "train and test features cached once, reused by knn");
        }

        CliRunner.Result random = CliRunner.run("eval", "linear", "--checkpoint", runDir.toString(),
                "--test-limit", "32", "--random-init");
        assertEquals(0, random.exitCode(), random.err() + random.out());
        assertTrue(random.out().contains("with randomly initialised weights (seed 0)"), random.out());
        summary = new RunDirectory(runDir).summary();
        assertTrue(summary.containsKey("random_init_linear_top1"), summary.toString());
        assertEquals(top1, ((Number) summary.get("linear_top1")).doubleValue(), 0, "trained result untouched");
        try (var cached = Files.list(runDir.resolve("eval"))) {
            assertEquals(4, cached.count(), "random-init features cached separately");
        }

        CliRunner.Result bad = CliRunner.run("eval", "knn", "--checkpoint", runDir.toString(), "--dataset-set",
                "test_sise=10");
        assertEquals(1, bad.exitCode());
        assertTrue(bad.err().contains("test_sise"), bad.err());
    }

    @Test
    void aDirectoryWithoutARunIsAClearError() {
        CliRunner.Result r = CliRunner.run("eval", "linear", "--checkpoint", dir.toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains(dir + " is not a run directory: no config.yaml"), r.err());
    }
}
