package org.harl.cli.deepmasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.harl.cli.CliRunner;
import org.harl.core.config.ComponentBinder;
import org.harl.core.guice.Harl;
import org.harl.core.registry.PluginContexts;
import org.harl.spi.ComponentKind;
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
