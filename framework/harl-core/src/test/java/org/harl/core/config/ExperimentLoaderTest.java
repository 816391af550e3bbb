package org.harl.core.config;

import static org.harl.core.config.Fixtures.errors;
import static org.harl.core.config.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.harl.core.sweep.ExperimentFiles;
import org.harl.testing.fake.FakeConfigs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentLoaderTest {

    @TempDir
    Path dir;

    @Test
    void bindsValuesOverDefaults() {
        ExperimentConfig c = Fixtures.loader().load(write(dir, "x.yaml", Fixtures.VALID), List.of());
        assertEquals("demo", c.name());
        assertEquals(7, c.seed());
        FakeConfigs.Dataset data = c.dataset().config(FakeConfigs.Dataset.class);
        assertEquals(Path.of("images"), data.root());
        assertEquals(32, data.imageSize());
        assertEquals(Optional.empty(), data.limit());
        assertEquals(0.1, c.loss().config(FakeConfigs.Loss.class).tau());
        assertEquals(new FakeConfigs.Backbone(64, true, 0.0), c.backbone().config());
        assertEquals(new TrainingConfig(2, 4, 0, 1, 0.99, 1.0, 2, 4, 0, 0), c.training());
        assertEquals(OptimizerConfig.defaults(), c.optimizer());
        assertEquals(HeadsConfig.defaults(), c.heads());
        assertEquals(Optional.empty(), c.maskProposer());
        assertEquals(List.of("fake_tracker"), c.logging().stream().map(ComponentSpec::type).toList());
        assertEquals(List.of("name", "seed", "dataset", "backbone", "augmentation", "loss", "training", "optimizer",
                "heads", "monitor", "logging"), List.copyOf(c.resolved().keySet()));
    }

    @Test
    void misspeltKeyGivesLineColumnSuggestionAndValidKeys() {
        Path f = write(dir, "typo.yaml", Fixtures.VALID.replace("  batch_size: 4", "  bacth_size: 4"));
        assertEquals(List.of(f + ":13:3 training.bacth_size: unknown key 'bacth_size'; did you mean 'batch_size'? "
                + "valid keys: epochs, batch_size, steps_per_epoch, accumulate, tau_base, tau_final, workers, "
                + "prefetch, checkpoint_every, threads, max_empty_mask_share, device"), errors(f, List.of()));
    }

    @Test
    void misspeltComponentKeyNamesTheComponentType() {
        Path f = write(dir, "typo.yaml", Fixtures.VALID.replace("  tau: 0.1", "  tua: 0.1"));
        assertEquals(List.of(f + ":10:3 loss(fake_loss).tua: unknown key 'tua'; did you mean 'tau'? "
                + "valid keys: tau, weight, terms"), errors(f, List.of()));
    }

    @Test
    void everyErrorOfAFileIsReportedAtOnceInFileOrder() {
        Path f = write(dir, "bad.yaml", """
                name: demo
                optimiser: {base_lr: 1}
                dataset:
                  type: fake_dataset
                  image_size: 4
                backbone:
                  type: fake_backbone
                  width: 1.5
                  zero_init_residual: 3
                augmentation: fake_augmentation
                loss: {type: fake_los}
                training:
                  epochs: two
                logging: [fake_tracker]
                """);
        assertEquals(List.of(
                f + ":2:1 optimiser: unknown key 'optimiser'; did you mean 'optimizer'? valid keys: name, "
                        + "description, seed, dataset, backbone, augmentation, mask_proposer, loss, training, "
                        + "optimizer, heads, monitor, logging",
                f + ":4:3 dataset(fake_dataset).root: missing required key 'root' (path)",
                f + ":8:10 backbone(fake_backbone).width: expected an integer, got 1.5 (fractional)",
                f + ":9:23 backbone(fake_backbone).zero_init_residual: expected true or false, got 3",
                f + ":11:14 loss.type: unknown loss 'fake_los'; did you mean 'fake_loss'? registered: fake_loss, "
                        + "fake_loss_alt; loaded plugins: org.harl.testing.fake.FakePlugin",
                f + ":13:11 training.epochs: expected an integer, got 'two'"), errors(f, List.of()));
    }

    @Test
    void recordValidationIsReportedAtTheKey() {
        Path f = write(dir, "x.yaml", Fixtures.VALID.replace("  root: images", "  root: images\n  image_size: 4"));
        assertEquals(List.of(f + ":6:15 dataset(fake_dataset).image_size: must be >= 8, got 4"),
                errors(f, List.of()));
        Path g = write(dir, "y.yaml", Fixtures.VALID.replace("  batch_size: 4", "  batch_size: 4\n  tau_base: 2"));
        assertEquals(List.of(g + ":14:13 training.tau_base: must be in [0, 1], got 2.0"), errors(g, List.of()));
    }

    @Test
    void missingSectionsListRegisteredNamesAndDefaultTrackersMustExist() {
        Path f = write(dir, "x.yaml", "seed: 1\n");
        String defaults = "default logging [console, jsonl]";
        assertEquals(List.of(
                f + ":1:1 name: missing required key 'name' (string)",
                f + ":1:1 dataset: missing required key 'dataset'; registered dataset names: fake_dataset",
                f + ":1:1 backbone: missing required key 'backbone'; registered backbone names: fake_backbone",
                f + ":1:1 augmentation: missing required key 'augmentation'; registered augmentation names: "
                        + "fake_augmentation",
                f + ":1:1 loss: missing required key 'loss'; registered loss names: fake_loss, fake_loss_alt",
                defaults + " logging.0.type: unknown tracker 'console'; registered: fake_tracker; loaded plugins: "
                        + "org.harl.testing.fake.FakePlugin",
                defaults + " logging.1.type: unknown tracker 'jsonl'; registered: fake_tracker; loaded plugins: "
                        + "org.harl.testing.fake.FakePlugin"), errors(f, List.of()));
    }

    @Test
    void duplicateKeysTagsAndSyntaxErrorsArePositioned() {
        Path dup = write(dir, "dup.yaml", Fixtures.VALID + "seed: 8\n");
        assertEquals(List.of(dup + ":15:1 seed: duplicate key (first given at line 2)"), errors(dup, List.of()));
        Path tag = write(dir, "tag.yaml", Fixtures.VALID.replace("name: demo", "name: !!java.io.File demo"));
        assertEquals(List.of(tag + ":1:7: YAML error: Global tag is not allowed: tag:yaml.org,2002:java.io.File"),
                errors(tag, List.of()));
        Path local = write(dir, "local.yaml", Fixtures.VALID.replace("seed: 7", "seed: !secret 7"));
        assertEquals(List.of(local + ":2:7: tag '!secret' is not allowed; plain YAML only"), errors(local, List.of()));
        Path syntax = write(dir, "syntax.yaml", "name: demo\nloss: [a, b\nseed: 1\n");
        List<String> e = errors(syntax, List.of());
        assertEquals(1, e.size());
        assertTrue(e.get(0).startsWith(syntax + ":3:5: YAML error"), e.get(0));
    }

    @Test
    void emptyAndMissingFilesAreErrors() {
        assertEquals(List.of(dir.resolve("none.yaml") + ": file not found"),
                errors(dir.resolve("none.yaml"), List.of()));
        Path empty = write(dir, "empty.yaml", "# nothing\n");
        assertEquals(List.of(empty + ": the file is empty (expected a mapping of experiment keys)"),
                errors(empty, List.of()));
    }

    @Test
    void ablationFilesAreNotRunnableExperiments() {
        Path f = write(dir, "abl.yaml", Fixtures.VALID + "sweep: {seeds: [0, 1]}\n");
        assertEquals(List.of(f + ":15:1 sweep: this file is an ablation (it has a sweep: section); run it with "
                + "'harl sweep', or check it with 'harl config check'"), errors(f, List.of()));
        // config check expands the sweep: one bound experiment per seed, named <sweep>/<setting>/seed<n>
        assertEquals(List.of("abl/base/seed0", "abl/base/seed1"), new ExperimentFiles(Fixtures.loader())
                .expand(f, List.of()).stream().map(ExperimentConfig::name).toList());
    }
}
