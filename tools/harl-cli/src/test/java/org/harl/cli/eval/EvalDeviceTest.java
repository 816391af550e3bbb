package org.harl.cli.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.harl.cli.CliRunner;
import org.harl.core.run.RunDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Evaluation computes on the run's {@code training.device} or on {@code --device}, not on DJL's default device:
 * a device that is not there is a clear error naming where it was asked for (gpu:99 is missing on any machine).
 */
class EvalDeviceTest {

    private static final String TINY = """
            name: tiny
            dataset: {type: synthetic_objects, image_size: 32, train_size: 32, test_size: 16}
            backbone: {type: tiny_resnet, stem: small, widths: [4, 8], blocks_per_stage: 1}
            augmentation: {type: byol, size: 32, blur_p: [0.0, 0.0]}
            loss: byol
            training: {epochs: 1, batch_size: 16, workers: 1, threads: 1, device: cpu}
            optimizer: {type: sgd, base_lr: 0.1, warmup_epochs: 0}
            heads: {projector_hidden: 16, projection_size: 8, predictor_hidden: 16}
            monitor: {k: 3, bank_size: 32, test_size: 16, final_probe: false}
            logging: [jsonl]
            """;

    @TempDir
    Path dir;

    @Test
    void theRunsDeviceOrDeviceOptionIsUsedAndAMissingOneNamed() throws Exception {
        Path file = Files.writeString(dir.resolve("tiny.yaml"), TINY);
        Path runs = dir.resolve("runs");
        CliRunner.Result run = CliRunner.run("run", file.toString(), "--runs-dir", runs.toString());
        assertEquals(0, run.exitCode(), run.err() + run.out());
        String runDir = runs.resolve("tiny").toString();

        CliRunner.Result missing = CliRunner.run("eval", "knn", "--checkpoint", runDir, "--device", "gpu:99");
        assertEquals(1, missing.exitCode());
        assertTrue(missing.err().contains("--device: gpu:99 is not visible; visible devices: cpu"), missing.err());

        CliRunner.Result unparsable = CliRunner.run("eval", "knn", "--checkpoint", runDir, "--device", "tpu");
        assertEquals(1, unparsable.exitCode());
        assertTrue(unparsable.err().contains("--device: "), unparsable.err());

        // a run configured for a GPU this machine lacks: evaluation refuses instead of quietly using another device
        Path config = new RunDirectory(runs.resolve("tiny")).configFile();
        String text = Files.readString(config);
        assertTrue(text.contains("device: cpu"), text);
        Files.writeString(config, text.replace("device: cpu", "device: gpu:99"));
        CliRunner.Result configured = CliRunner.run("eval", "knn", "--checkpoint", runDir);
        assertEquals(1, configured.exitCode());
        assertTrue(configured.err().contains("training.device (" + config + "): gpu:99 is not visible"),
                configured.err());

        CliRunner.Result overridden = CliRunner.run("eval", "knn", "--checkpoint", runDir, "--device", "cpu");
        assertEquals(0, overridden.exitCode(), overridden.err() + overridden.out());
    }
}
