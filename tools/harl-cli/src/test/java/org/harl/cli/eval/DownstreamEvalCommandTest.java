package org.harl.cli.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.harl.cli.CliRunner;
import org.harl.core.run.RunDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trains a tiny run once, then runs the downstream evaluations on it through the command line. */
class DownstreamEvalCommandTest {

    private static final String TINY = """
            name: tiny
            dataset: {type: synthetic_objects, image_size: 32, train_size: 60, test_size: 20}
            backbone: {type: tiny_resnet, stem: small, widths: [4, 8], blocks_per_stage: 1}
            augmentation: {type: byol, size: 32, blur_p: [0.0, 0.0], eval_crop_fraction: 1.0}
            loss: byol
            training: {epochs: 1, batch_size: 20, workers: 1, threads: 1}
            optimizer: {type: sgd, base_lr: 0.1, warmup_epochs: 0}
            heads: {projector_hidden: 16, projection_size: 8, predictor_hidden: 16}
            monitor: {k: 5, bank_size: 60, test_size: 20}
            logging: [jsonl]
            """;

    @TempDir
    static Path dir;

    static Path runDir;

    @BeforeAll
    static void trainTinyRun() throws Exception {
        Path file = Files.writeString(dir.resolve("tiny.yaml"), TINY);
        Path runs = dir.resolve("runs");
        CliRunner.Result run = CliRunner.run("run", file.toString(), "--runs-dir", runs.toString());
        assertEquals(0, run.exitCode(), run.err() + run.out());
        runDir = runs.resolve("tiny");
    }

    private static double value(String key) {
        Map<String, Object> summary = new RunDirectory(runDir).summary();
        assertTrue(summary.containsKey(key), key + " missing from " + summary);
        return ((Number) summary.get(key)).doubleValue();
    }

    @Test
    void semiSupervisedFineTunesOnBalancedFractions() {
        CliRunner.Result r = CliRunner.run("eval", "semi", "--checkpoint", runDir.toString(), "--fractions",
                "0.2,0.5", "--epochs", "2", "--fine-tune-batch-size", "8");
        assertEquals(0, r.exitCode(), r.err() + r.out());
        // 60 images in 10 classes: round(0.2 * 6) = 1 and round(0.5 * 6) = 3 per class
        assertEquals(10, value("semi_20pct_labels"));
        assertEquals(30, value("semi_50pct_labels"));
        for (String key : new String[] {"semi_20pct_top1", "semi_50pct_top1"}) {
            double top1 = value(key);
            assertTrue(top1 >= 0 && top1 <= 1, key + " = " + top1);
            assertEquals(0, Math.round(top1 * 20) - top1 * 20, 1e-9, "a fraction of the 20 test images");
        }
        assertTrue(r.out().contains("semi-supervised 20 % labels (10 images, 2 epochs)"), r.out());

        CliRunner.Result random = CliRunner.run("eval", "semi", "--checkpoint", runDir.toString(), "--fractions",
                "0.2", "--epochs", "1", "--random-init");
        assertEquals(0, random.exitCode(), random.err() + random.out());
        assertTrue(value("random_init_semi_20pct_top1") >= 0);
    }

    @Test
    void segmentationAndDetectionOnFrozenFeatures() {
        CliRunner.Result seg = CliRunner.run("eval", "segment", "--checkpoint", runDir.toString(), "--epochs", "20",
                "--head-batch-size", "20");
        assertEquals(0, seg.exitCode(), seg.err() + seg.out());
        assertTrue(seg.out().contains("C5 maps: 60 train, 20 test, 8 x 16 x 16"), seg.out());
        double miou = value("seg_miou");
        assertTrue(miou > 0 && miou <= 1, "mIoU " + miou);
        // background covers most pixels: a head that learned anything gets most of them right
        assertTrue(value("seg_pixel_accuracy") > 0.5, "pixel accuracy " + value("seg_pixel_accuracy"));

        CliRunner.Result det = CliRunner.run("eval", "detect", "--checkpoint", runDir.toString(), "--epochs", "20",
                "--head-batch-size", "20", "--test-limit", "10");
        assertEquals(0, det.exitCode(), det.err() + det.out());
        assertTrue(det.out().contains("over 10 test images"), det.out());
        double ap = value("det_ap50");
        assertTrue(ap >= 0 && ap <= 1, "AP50 " + ap);
    }

    @Test
    void aDirectoryWithoutARunIsAClearError() {
        CliRunner.Result r = CliRunner.run("eval", "segment", "--checkpoint", dir.toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("is not a run directory"), r.err());
    }

    /** detect and segment share the head options (one mixin) but keep their own defaults. */
    @Test
    void headOptionsShowEachCommandsDefaults() {
        CliRunner.Result detect = CliRunner.run("eval", "detect", "--help");
        CliRunner.Result segment = CliRunner.run("eval", "segment", "--help");
        assertEquals(0, detect.exitCode() + segment.exitCode(), detect.err() + segment.err());
        String d = detect.out().replaceAll("\\s+", " ");
        String s = segment.out().replaceAll("\\s+", " ");
        assertTrue(d.contains("head training epochs (default: 30)") && d.contains("Adam learning rate (default: 0.001)")
                && d.contains("--checkpoint=RUN_DIR"), d);
        assertTrue(s.contains("head training epochs (default: 10)") && s.contains("Adam learning rate (default: 0.01)")
                && s.contains("head training step (default: 128)"), s);
    }
}
