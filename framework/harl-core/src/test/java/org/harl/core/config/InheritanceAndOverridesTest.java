package org.harl.core.config;

import static org.harl.core.config.Fixtures.errors;
import static org.harl.core.config.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.harl.testing.fake.FakeConfigs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InheritanceAndOverridesTest {

    private static final String BASE = """
            name: base
            description: the base experiment
            dataset: {type: fake_dataset, root: images, classes: [cat, dog]}
            backbone: {type: fake_backbone, width: 16}
            augmentation:
              type: fake_augmentation
              views: [{min_scale: 0.2}, {min_scale: 0.3, solarize: 0.2}]
            mask_proposer: {type: fake_mask_proposer, threshold: 0.7}
            loss: {type: fake_loss, tau: 0.3, terms: {global: 1, object: 0.5}}
            training: {epochs: 3, batch_size: 8}
            logging: [fake_tracker]
            """;

    @TempDir
    Path dir;

    @Test
    void mapsMergeListsReplaceAndAChangedTypeReplacesTheComponent() {
        write(dir, "experiments/base.yaml", BASE);
        Path child = write(dir, "ablations/child.yaml", """
                base: ../experiments/base.yaml
                name: child
                dataset: {classes: [bird]}
                backbone: {dropout: 0.5}
                augmentation: {views: [{solarize: 0.1}]}
                mask_proposer: {type: fake_mask_proposer, cells: 9}
                loss: {type: fake_loss_alt, width: 3}
                training: {epochs: 5}
                """);
        ExperimentConfig c = Fixtures.loader().load(child, List.of());
        assertEquals("child", c.name());
        assertEquals("the base experiment", c.resolved().get("description"));
        FakeConfigs.Dataset data = c.dataset().config(FakeConfigs.Dataset.class);
        assertEquals(Path.of("images"), data.root());
        assertEquals(List.of("bird"), data.classes());
        assertEquals(new FakeConfigs.Backbone(16, true, 0.5), c.backbone().config());
        assertEquals(List.of(new FakeConfigs.View(0.08, 0.1)),
                c.augmentation().config(FakeConfigs.Augmentation.class).views());
        FakeConfigs.MaskProposer mask = c.maskProposer().orElseThrow().config(FakeConfigs.MaskProposer.class);
        assertEquals(0.7, mask.threshold());
        assertEquals(9, mask.cells());
        assertEquals("fake_loss_alt", c.loss().type());
        assertEquals(new FakeConfigs.Backbone(3, false, 0.0), c.loss().config());
        assertEquals(5, c.training().epochs());
        assertEquals(8, c.training().batchSize());
        assertEquals(child, c.source());
    }

    @Test
    void overridesTakeDottedKeysListIndicesAndYamlValues() {
        Path f = write(dir, "base.yaml", BASE);
        ExperimentConfig c = Fixtures.loader().load(f, List.of("training.epochs=9", "augmentation.views.1.solarize=0.4",
                "dataset.classes=[a, b, c]", "dataset.limit=100", "logging.1=fake_tracker", "seed=42",
                "loss.terms.object=2", "mask_proposer=null", "backbone=fake_backbone"));
        assertEquals(9, c.training().epochs());
        List<FakeConfigs.View> views = c.augmentation().config(FakeConfigs.Augmentation.class).views();
        assertEquals(new FakeConfigs.View(0.3, 0.4), views.get(1));
        FakeConfigs.Dataset data = c.dataset().config(FakeConfigs.Dataset.class);
        assertEquals(List.of("a", "b", "c"), data.classes());
        assertEquals(100, data.limit().orElseThrow());
        assertEquals(2, c.logging().size());
        assertEquals(42, c.seed());
        assertEquals(Map.of("global", 1.0, "object", 2.0), c.loss().config(FakeConfigs.Loss.class).terms());
        assertEquals(java.util.Optional.empty(), c.maskProposer());
        assertEquals(64, c.backbone().config(FakeConfigs.Backbone.class).width());
    }

    @Test
    void overridingTypeReplacesTheComponentAndShorthandGrowsIntoAMap() {
        Path f = write(dir, "x.yaml", Fixtures.VALID);
        ExperimentConfig c = Fixtures.loader().load(f, List.of("loss.type=fake_loss_alt", "loss.width=5",
                "backbone.width=12"));
        assertEquals(new FakeConfigs.Backbone(5, false, 0.0), c.loss().config());
        assertEquals(12, c.backbone().config(FakeConfigs.Backbone.class).width());
    }

    @Test
    void badOverridesAreReportedWithTheAssignment() {
        Path f = write(dir, "x.yaml", BASE);
        assertEquals(List.of(
                "--set nokey: expected KEY=VALUE, e.g. --set optimizer.base_lr=0.2",
                "--set training.epochs.x=1 training.epochs.x: cannot set a key inside training.epochs, which is a "
                        + "value, not a map",
                "--set augmentation.views.5.solarize=1 augmentation.views.5: index 5 is out of range (the list has "
                        + "2 items; use 2 to append)"),
                errors(f, List.of("nokey", "training.epochs.x=1", "augmentation.views.5.solarize=1")));
        assertEquals(List.of("--set training.epoch=3 training.epoch: unknown key 'epoch'; did you mean 'epochs'? "
                        + "valid keys: epochs, batch_size, steps_per_epoch, accumulate, tau_base, tau_final, workers, "
                        + "prefetch, checkpoint_every, threads, max_empty_mask_share, device",
                        "--set training.epochs=abc training.epochs: expected an integer, got 'abc'"),
                errors(f, List.of("training.epochs=abc", "training.epoch=3")));
    }

    @Test
    void baseCyclesAndMissingBasesAreErrors() {
        Path a = write(dir, "a.yaml", "base: b.yaml\nname: a\n");
        write(dir, "b.yaml", "base: a.yaml\n");
        List<String> cycle = errors(a, List.of());
        assertEquals(1, cycle.size());
        assertEquals(true, cycle.get(0).contains("base: cycle"), cycle.get(0));
        Path c = write(dir, "c.yaml", "name: c\nbase: nowhere.yaml\n");
        assertEquals(List.of(c + ":2:7 base: base file " + dir.resolve("nowhere.yaml") + " not found"),
                errors(c, List.of()));
    }

    @Test
    void treeOpsWorkOnPlainMapsForSweeps() {
        // Plain results use Long and Double for numbers, as YAML does.
        Map<String, Object> base = Map.of("loss", Map.of("type", "harl", "tau", 0.1), "list", List.of(1L, 2L));
        assertEquals(Map.of("loss", Map.of("type", "harl", "tau", 0.2), "list", List.of(3L)),
                TreeOps.merge(base, Map.of("loss", Map.of("tau", 0.2), "list", List.of(3))));
        assertEquals(Map.of("loss", "byol", "list", List.of(1L, 2L)), TreeOps.merge(base, Map.of("loss", "byol")));
        assertEquals(Map.of("loss", Map.of("type", "byol", "tau", 0.1), "list", List.of(1L, 2L)),
                TreeOps.merge(Map.of("loss", "byol", "list", List.of(1, 2)), Map.of("loss", Map.of("tau", 0.1))));
        assertEquals(Map.of("loss", Map.of("type", "harl", "tau", 0.1), "list", List.of(1L, 5L)),
                TreeOps.set(base, "list.1", 5));
        assertEquals(Map.of("loss", Map.of("type", "byol"), "list", List.of(1L, 2L)),
                TreeOps.set(base, "loss.type", "byol"));
        assertEquals(List.of("list.x list.x: 'x' is not a list index (list is a list of 2)"),
                assertThrows(ConfigException.class, () -> TreeOps.set(base, "list.x", 1)).errors().stream()
                        .map(ConfigError::toString).toList());
    }

    @Test
    void treesBuiltInMemoryBindLikeFiles() {
        ExperimentConfig fromFile = Fixtures.loader().load(write(dir, "x.yaml", Fixtures.VALID), List.of());
        ExperimentConfig fromMap = Fixtures.loader().bind(fromFile.resolved(), dir.resolve("memory.yaml"));
        assertEquals(fromFile.resolved(), fromMap.resolved());
        ConfigException e = assertThrows(ConfigException.class, () -> Fixtures.loader().bind(
                Map.of("name", "n", "dataset", "fake_dataset", "backbone", "fake_backbone", "augmentation",
                        "fake_augmentation", "loss", "fake_loss", "logging", List.of()), dir.resolve("sweep.yaml")));
        assertEquals(List.of(dir.resolve("sweep.yaml") + " dataset(fake_dataset).root: missing required key 'root' "
                + "(path)"), e.errors().stream().map(ConfigError::toString).toList());
    }
}
