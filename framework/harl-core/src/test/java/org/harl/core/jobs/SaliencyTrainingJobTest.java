package org.harl.core.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.harl.core.config.ComponentBinder;
import org.harl.core.config.ExperimentBinder;
import org.harl.core.config.ExperimentLoader;
import org.harl.core.config.ResolvedConfig;
import org.harl.core.registry.PluginContexts;
import org.harl.core.registry.PluginRegistry;
import org.harl.spi.data.Sample;
import org.harl.spi.mask.MaskModelTrainer;
import org.harl.testing.fake.FakePlugin;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link SaliencyTrainingJob} with a recording trainer: what it hands the plugin's trainer, and its errors. */
class SaliencyTrainingJobTest {

    @TempDir
    Path dir;

    private final List<MaskModelTrainer.Request> requests = new ArrayList<>();
    private SaliencyTrainingJob job;
    private Path run;

    /** Records the request and writes the weights file it is asked for. */
    private final MaskModelTrainer recording = new MaskModelTrainer() {
        @Override
        public String proposer() {
            return "saliency_head";
        }

        @Override
        public String defaultFileName() {
            return "head.params";
        }

        @Override
        public Trained train(Request request, Consumer<String> log) throws java.io.IOException {
            requests.add(request);
            log.accept("fitting");
            Files.writeString(request.out(), "weights");
            return new Trained(List.of(request.out()), "fake head");
        }
    };

    @BeforeEach
    void setUp() throws Exception {
        PluginRegistry registry = new PluginRegistry(List.of(new FakePlugin(), new JobTestPlugin()));
        ComponentBinder binder = new ComponentBinder(registry);
        job = new SaliencyTrainingJob(new ExperimentLoader(new ExperimentBinder(binder)), binder,
                new PluginContexts(registry, binder), List.of(recording));
        run = Files.createDirectories(dir.resolve("runs/tiny"));
        writeRun(5);
    }

    private void writeRun(int images) throws Exception {
        Files.writeString(run.resolve(ResolvedConfig.FILE_NAME), """
                name: tiny
                seed: 3
                dataset: {type: tiny_images, count: %d}
                backbone: fake_backbone
                augmentation: fake_augmentation
                loss: fake_loss
                logging: []
                """.formatted(images));
    }

    private SaliencyTrainingJob.Request request(String model, int images, Optional<Path> out) {
        return new SaliencyTrainingJob.Request(run, model, "left_half", List.of("fraction=0.25"), images, 7, 0.1f, 1,
                out, dir);
    }

    @Test
    void handsTheTrainerTheFirstImagesOfTheRunsDatasetAndTheTargetProposer() throws Exception {
        List<String> log = new ArrayList<>();
        SaliencyTrainingJob.Result r = job.run(request("saliency_head", 3, Optional.empty()), log::add);
        assertEquals(new SaliencyTrainingJob.Result(3, List.of(run.resolve("head.params")), "fake head"), r);
        assertEquals("weights", Files.readString(run.resolve("head.params")));
        assertEquals(List.of("training a saliency head on " + run + " (3 images, targets: left_half)", "fitting"),
                log);
        MaskModelTrainer.Request sent = requests.get(0);
        assertEquals(List.of("img0", "img1", "img2"), sent.samples().stream().map(Sample::id).toList());
        assertEquals(run, sent.runDirectory());
        assertEquals(7, sent.steps());
        assertEquals(1, sent.rounds());
        assertEquals(0.25f, sent.targets().propose(sent.samples().get(0)).foregroundFraction(), 1e-6);
        assertTrue(sent.targetsName().contains("fraction=0.25"), sent.targetsName());

        Path elsewhere = dir.resolve("other.params");
        job.run(request("saliency_head", 50, Optional.of(elsewhere)), line -> { });
        assertEquals(5, requests.get(1).samples().size(), "at most the split's size");
        assertEquals(elsewhere, requests.get(1).out());
    }

    @Test
    void clearErrors() throws Exception {
        IllegalArgumentException images = assertThrows(IllegalArgumentException.class,
                () -> request("saliency_head", 0, Optional.empty()));
        assertEquals("--images must be at least 1, got 0", images.getMessage());
        IllegalArgumentException model = assertThrows(IllegalArgumentException.class,
                () -> job.run(request("torchscript", 1, Optional.empty()), line -> { }));
        assertEquals("no installed plugin trains mask proposer 'torchscript'; trainable: [saliency_head]",
                model.getMessage());
        SaliencyTrainingJob.Request missing = new SaliencyTrainingJob.Request(dir.resolve("nope"), "saliency_head",
                "left_half", List.of(), 1, 1, 0.1f, 0, Optional.empty(), dir);
        IllegalArgumentException noRun = assertThrows(IllegalArgumentException.class,
                () -> job.run(missing, line -> { }));
        assertTrue(noRun.getMessage().contains("is not a run directory"), noRun.getMessage());
        writeRun(0);
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> job.run(request("saliency_head", 1, Optional.empty()), line -> { }));
        assertEquals("the run's dataset (tiny_images) has no training images", empty.getMessage());
        assertTrue(requests.isEmpty());
    }
}
