package org.harl.cli.deepmasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.harl.cli.CliRunner;
import org.harl.core.config.ComponentBinder;
import org.harl.core.guice.Harl;
import org.harl.core.registry.PluginContexts;
import org.harl.spi.ComponentKind;
import org.harl.spi.encoder.FeatureStage;
import org.harl.spi.encoder.FrozenEncoder;
import org.harl.spi.mask.MaskProposer;
import org.harl.testing.ContractImages;
import org.harl.testing.MaskProposerChecks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end on a real (tiny) run: pretrain 2 steps, train the saliency head against ground-truth masks, then
 * build {@code saliency_head} from YAML-shaped config and hold it to the mask proposer contract.
 */
class TrainSaliencyCommandTest {

    static final String EXPERIMENT = """
            name: tiny
            seed: 3
            dataset: {type: synthetic_objects, image_size: 32, train_size: 16, test_size: 8}
            backbone: {type: tiny_resnet, widths: [4, 4, 8, 8]}
            augmentation: {type: byol, size: 16}
            loss: byol
            training: {epochs: 1, batch_size: 16, workers: 1}
            logging: []
            """;

    @TempDir
    static Path dir;

    static Path run;

    @BeforeAll
    static void pretrain() throws Exception {
        Path yaml = Files.writeString(dir.resolve("tiny.yaml"), EXPERIMENT);
        CliRunner.Result r = CliRunner.run("run", yaml.toString(), "--runs-dir", dir.resolve("runs").toString());
        assertEquals(0, r.exitCode(), r.out() + r.err());
        run = dir.resolve("runs/tiny");
    }

    @Test
    void trainsSavesAndEvaluatesAHeadThatTheProposerLoads() {
        CliRunner.Result r = CliRunner.run("masks", "train-saliency", "--encoder", run.toString(),
                "--targets", "ground_truth", "--images", "16", "--steps", "40");
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertTrue(Files.isRegularFile(run.resolve("saliency_head.params")), r.out());
        assertTrue(Files.isRegularFile(run.resolve("saliency_head.json")), r.out());
        assertTrue(r.out().contains("wrote " + run.resolve("saliency_head.params")), r.out());

        // the proposer through the generic mask tools: scored on the run's held-out images
        CliRunner.Result eval = CliRunner.run("masks", "eval", "--dataset", "synthetic_objects", "--dataset-set",
                "image_size=32", "--dataset-set", "test_size=8", "--proposer", "saliency_head", "--set",
                "encoder=" + run, "--count", "8", "--threads", "2");
        assertEquals(0, eval.exitCode(), eval.out() + eval.err());
        assertTrue(eval.out().contains("IoU"), eval.out());

        var injector = Harl.injector();
        ComponentBinder binder = injector.getInstance(ComponentBinder.class);
        PluginContexts contexts = injector.getInstance(PluginContexts.class);
        var spec = binder.bind(ComponentKind.MASK_PROPOSER, Map.of("type", "saliency_head", "encoder",
                run.toString()), dir.resolve("tiny.yaml"));
        var context = contexts.forTool(1, dir.resolve("tiny.yaml"));
        MaskProposerChecks.verifyAll(() -> contexts.create(spec, context, MaskProposer.class), true,
                ContractImages.samples(), null);
        MaskProposerChecks.registered("saliency_head");
    }

    /** C4 of tiny_resnet [4, 4, 8, 8] at 16 px: the third stage's 8 channels on a 4x4 grid (C5: 2x2). */
    @Test
    void aHeadOnC4SitsOnTheFinerGridOfTheRealEncoder() throws Exception {
        var injector = Harl.injector();
        PluginContexts contexts = injector.getInstance(PluginContexts.class);
        var context = contexts.forTool(1, dir.resolve("tiny.yaml"));
        try (FrozenEncoder encoder = context.openEncoder(run); NDManager m = NDManager.newBaseManager()) {
            float[] images = new float[2 * 3 * 16 * 16];
            assertEquals(new Shape(2, 8, 4, 4), encoder.features(m, images, 2, 16, FeatureStage.C4).getShape());
            assertEquals(new Shape(2, 8, 2, 2), encoder.features(m, images, 2, 16, FeatureStage.C5).getShape());
            assertEquals(new Shape(2, 8, 8, 8), encoder.features(m, new float[2 * 3 * 32 * 32], 2, 32,
                    FeatureStage.C4).getShape(), "the grid scales with the input side");
        }

        Path params = dir.resolve("c4_head.params");
        CliRunner.Result r = CliRunner.run("masks", "train-saliency", "--encoder", run.toString(),
                "--targets", "ground_truth", "--images", "16", "--steps", "40", "--feature-stage", "c4",
                "--out", params.toString());
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("c4, C=8, grid 4x4"), r.out());
        String json = Files.readString(dir.resolve("c4_head.json"));
        assertTrue(json.contains("\"feature_stage\" : \"c4\""), json);

        ComponentBinder binder = injector.getInstance(ComponentBinder.class);
        var spec = binder.bind(ComponentKind.MASK_PROPOSER, Map.of("type", "saliency_head", "encoder",
                run.toString(), "head", params.toString(), "feature_stage", "c4"), dir.resolve("tiny.yaml"));
        MaskProposerChecks.verifyAll(() -> contexts.create(spec, context, MaskProposer.class), true,
                ContractImages.samples(), null);

        CliRunner.Result bad = CliRunner.run("masks", "train-saliency", "--encoder", run.toString(),
                "--feature-stage", "c3");
        assertEquals(1, bad.exitCode(), bad.out() + bad.err());
        assertTrue(bad.err().contains("--feature-stage must be c5 or c4"), bad.err());
    }

    @Test
    void aRunWithoutAHeadOrACheckpointGivesClearErrors() throws Exception {
        CliRunner.Result r = CliRunner.run("masks", "train-saliency", "--encoder", dir.resolve("nope").toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("is not a run directory"), r.err());

        var injector = Harl.injector();
        var spec = injector.getInstance(ComponentBinder.class).bind(ComponentKind.MASK_PROPOSER,
                Map.of("type", "saliency_head", "encoder", run.toString(), "head", "missing.params"),
                dir.resolve("tiny.yaml"));
        var context = injector.getInstance(PluginContexts.class).forTool(1, dir.resolve("tiny.yaml"));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> injector.getInstance(PluginContexts.class).create(spec, context, MaskProposer.class));
        assertTrue(e.getMessage().contains("missing.params") && e.getMessage().contains("train-saliency"),
                e.getMessage());
    }
}
