package org.harl.cli.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.harl.cli.CliRunner;
import org.harl.core.data.EvalBatch;
import org.harl.core.eval.FinalProbe;
import org.harl.core.registry.PluginRegistry;
import org.harl.core.run.RunDirectory;
import org.harl.core.train.TrainedEncoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code harl run} with the real plugins and the default training engine, then resume, then the trained encoder. */
class PretrainEndToEndTest {

    private static final String EXPERIMENT = """
            name: e2e
            seed: 3
            dataset: {type: synthetic_objects, image_size: 32, train_size: 48, test_size: 24, classes: 3}
            backbone: {type: tiny_resnet, stem: small, widths: [4, 8], blocks_per_stage: 1}
            augmentation: {type: byol, size: 16}
            mask_proposer: ground_truth
            loss: {type: harl, alpha: 0.7, beta: {type: cosine, from: 0.6, to: 0.0}}
            training: {epochs: 2, batch_size: 8, steps_per_epoch: 2, workers: 1, prefetch: 1}
            heads: {projector_hidden: 16, projection_size: 8, predictor_hidden: 16}
            optimizer: {type: lars, base_lr: 0.5, warmup_epochs: 0.5}
            monitor: {knn_every: 1, k: 5, bank_size: 24, test_size: 24}
            logging: [jsonl]
            """;

    @TempDir
    Path dir;

    @Test
    void runsResumesAndLoadsTheEncoder() throws Exception {
        Path file = Files.writeString(dir.resolve("e2e.yaml"), EXPERIMENT);
        Path runs = dir.resolve("runs");
        CliRunner.Result r = CliRunner.run("run", file.toString(), "--runs-dir", runs.toString());
        assertEquals(0, r.exitCode(), r.err());
        Path run = runs.resolve("e2e");
        List<String> rows = Files.readAllLines(run.resolve("metrics.jsonl"));
        assertTrue(rows.stream().filter(l -> l.contains("\"loss_fg\"")).count() == 4, String.join("\n", rows));
        assertTrue(rows.stream().anyMatch(l -> l.contains("\"alpha\"") && l.contains("\"beta\"")));
        assertTrue(rows.stream().anyMatch(l -> l.contains("\"knn_top1\"")), String.join("\n", rows));
        Map<String, Object> summary = new RunDirectory(run).summary();
        assertTrue(summary.containsKey("knn_top1"), summary.toString());
        // the end of the run compares the trained encoder with the untrained one of the same seed
        for (String key : List.of(FinalProbe.LINEAR, FinalProbe.LINEAR_UNTRAINED, FinalProbe.KNN,
                FinalProbe.KNN_UNTRAINED)) {
            double v = ((Number) summary.get(key)).doubleValue();
            assertTrue(v >= 0 && v <= 1, key + " = " + v);
        }
        assertTrue(r.out().matches("(?s).*linear probe: untrained \\d+\\.\\d\\d % -> trained \\d+\\.\\d\\d % "
                + "\\([+-]\\d+\\.\\d\\d\\).*"), r.out());
        assertTrue(r.out().contains("kNN top-1: untrained "), r.out());
        assertTrue(Files.exists(run.resolve("checkpoints/step-000000004.ckpt")));
        assertTrue(Files.exists(run.resolve("config.yaml")));

        CliRunner.Result again = CliRunner.run("run", file.toString(), "--runs-dir", runs.toString());
        assertEquals(1, again.exitCode());
        assertTrue(again.err().contains("--resume"), again.err());
        CliRunner.Result resumed = CliRunner.run("run", file.toString(), "--runs-dir", runs.toString(), "--resume");
        assertEquals(0, resumed.exitCode(), resumed.err()); // resumes at the end: nothing left but the monitor

        Path off = runs.resolve("off");
        CliRunner.Result noProbe = CliRunner.run("run", file.toString(), "--runs-dir", off.toString(), "--set",
                "monitor.final_probe=false", "--set", "training.epochs=1");
        assertEquals(0, noProbe.exitCode(), noProbe.err());
        assertFalse(noProbe.out().contains("linear probe:"), noProbe.out());
        assertFalse(new RunDirectory(off.resolve("e2e")).summary().containsKey(FinalProbe.LINEAR));

        try (TrainedEncoder enc = TrainedEncoder.load(run, PluginRegistry.discover())) {
            assertEquals(8, enc.featureChannels());
            assertEquals(4, enc.step());
            float[][] f = enc.features(new EvalBatch(2, 16, new float[2 * 3 * 16 * 16], new int[] {0, 1}));
            assertEquals(2, f.length);
            assertEquals(8, f[0].length);
        }
    }
}
