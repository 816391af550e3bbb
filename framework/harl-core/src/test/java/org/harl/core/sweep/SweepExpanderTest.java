package org.harl.core.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.harl.core.config.ConfigError;
import org.harl.core.config.ConfigErrors;
import org.harl.core.config.ConfigException;
import org.harl.core.config.ConfigNode.MapNode;
import org.harl.core.config.YamlReader;
import org.junit.jupiter.api.Test;

class SweepExpanderTest {

    private static final String BASE = """
            name: exp
            seed: 7
            loss: {type: harl, alpha: 0.5, beta: 0.5}
            optimizer: {base_lr: 0.3}
            training: {batch_size: 64}
            logging:
              - {type: console, every: 10}
              - {type: csv}
            mask_proposer: {type: center_prior, sigma: 0.3}
            """;

    private static MapNode tree(String sweep) {
        ConfigErrors errors = new ConfigErrors();
        MapNode tree = (MapNode) YamlReader.read(BASE + sweep, "abl.yaml", errors);
        errors.throwIfAny();
        return tree;
    }

    @SuppressWarnings("unchecked")
    private static Object at(ExpandedRun run, String... path) {
        Object node = run.tree().toPlain();
        for (String p : path) {
            node = node instanceof List<?> l ? l.get(Integer.parseInt(p)) : ((Map<String, Object>) node).get(p);
        }
        return node;
    }

    private static List<ConfigError> errors(String sweep) {
        return assertThrows(ConfigException.class, () -> SweepExpander.expand("abl", tree(sweep))).errors();
    }

    @Test
    void gridIsTheCartesianProductTimesSeeds() {
        List<ExpandedRun> runs = SweepExpander.expand("abl", tree("""
                sweep:
                  grid: {loss.alpha: [0.5, 1.0], optimizer.base_lr: [0.2, 0.4, 0.6]}
                  seeds: [0, 1]
                """));
        assertEquals(12, runs.size());
        assertEquals("abl/alpha=0.5,base_lr=0.2/seed0", runs.get(0).name());
        assertEquals("abl/alpha=0.5,base_lr=0.2/seed1", runs.get(1).name());
        assertEquals("abl/alpha=1.0,base_lr=0.6/seed1", runs.get(11).name());
        ExpandedRun last = runs.get(11);
        assertEquals(1.0, at(last, "loss", "alpha"));
        assertEquals(0.6, at(last, "optimizer", "base_lr"));
        assertEquals(0.5, at(last, "loss", "beta"), "untouched keys stay");
        assertEquals(1L, at(last, "seed"));
        assertEquals("abl/alpha=1.0,base_lr=0.6/seed1", at(last, "name"));
        assertFalse(last.tree().has("sweep"));
        assertEquals(0.5, at(runs.get(0), "loss", "alpha"), "runs do not share state");
    }

    @Test
    void sweptValuesKeepTheirPositionInTheAblationFile() {
        List<ExpandedRun> runs = SweepExpander.expand("abl", tree("""
                sweep:
                  grid: {loss.alpha: [0.5, 1.0]}
                """));
        MapNode loss = (MapNode) runs.get(1).tree().get("loss");
        assertEquals(11, loss.get("alpha").origin().line(), "the 1.0 in the grid list");
        assertEquals(28, loss.get("alpha").origin().column());
        assertEquals(3, loss.get("beta").origin().line());
    }

    @Test
    void zipPairsValuesAndCombinesWithGrid() {
        List<ExpandedRun> runs = SweepExpander.expand("z", tree("""
                sweep:
                  grid: {loss.beta: [0.0, 1.0]}
                  zip: {optimizer.base_lr: [0.2, 0.4], training.batch_size: [256, 512]}
                """));
        assertEquals(List.of("beta=0.0,base_lr=0.2,batch_size=256", "beta=0.0,base_lr=0.4,batch_size=512",
                "beta=1.0,base_lr=0.2,batch_size=256", "beta=1.0,base_lr=0.4,batch_size=512"),
                runs.stream().map(ExpandedRun::setting).toList());
        assertEquals(512L, at(runs.get(3), "training", "batch_size"));
        assertEquals(7L, runs.get(0).seed(), "without seeds the experiment's seed is used");
    }

    @Test
    void zipOfUnequalLengthsNamesTheKeys() {
        List<ConfigError> errors = errors("""
                sweep:
                  zip: {optimizer.base_lr: [0.2, 0.4], training.batch_size: [256, 512, 1024]}
                """);
        assertEquals(1, errors.size());
        assertEquals("abl.yaml:11:40 sweep.zip.training.batch_size: has 3 values but 'optimizer.base_lr' has 2; "
                + "zip pairs lists of equal length", errors.get(0).toString());
    }

    @Test
    void variantsMergeOverridesAndReplaceComponentsWhoseTypeChanges() {
        List<ExpandedRun> runs = SweepExpander.expand("masks", tree("""
                sweep:
                  variants:
                    byol: {loss: {beta: 1.0}}
                    drfi: {mask_proposer: {type: drfi, scales: 3}}
                    prior: {mask_proposer: {sigma: 0.5}}
                  seeds: [0, 1, 2]
                """));
        assertEquals(9, runs.size());
        assertEquals("masks/byol/seed0", runs.get(0).name());
        assertEquals(1.0, at(runs.get(0), "loss", "beta"));
        assertEquals(0.5, at(runs.get(0), "loss", "alpha"));
        assertEquals(Map.of("type", "drfi", "scales", 3L), at(runs.get(3), "mask_proposer"));
        assertEquals(Map.of("type", "center_prior", "sigma", 0.5), at(runs.get(6), "mask_proposer"));
    }

    @Test
    void dottedKeysIndexLists() {
        List<ExpandedRun> runs = SweepExpander.expand("v", tree("""
                sweep:
                  grid: {logging.1.type: [csv, console]}
                """));
        assertEquals("console", at(runs.get(1), "logging", "1", "type"));
        assertEquals(10L, at(runs.get(1), "logging", "0", "every"));
        assertEquals("type=console", runs.get(1).setting());
    }

    @Test
    void reportsAllErrorsAtOnce() {
        List<ConfigError> errors = errors("""
                sweep:
                  grid: {loss.alpha: 0.5, loss.beta: []}
                  zip: {optimizer.base_lr: [0.2]}
                  seeds: [0, zero, 0]
                  repeat: 3
                """);
        List<String> text = errors.stream().map(ConfigError::toString).toList();
        assertEquals(List.of(
                "abl.yaml:11:22 sweep.grid.loss.alpha: must be a non-empty list of values",
                "abl.yaml:11:38 sweep.grid.loss.beta: must be a non-empty list of values",
                "abl.yaml:13:14 sweep.seeds: seeds must be integers, got 'zero'",
                "abl.yaml:13:20 sweep.seeds: seed 0 is listed twice",
                "abl.yaml:14:3 sweep.repeat: unknown key; known keys: baseline, evaluations, grid, record, seeds, variant_seeds, variants, zip"), text);
    }

    @Test
    void outOfRangeListIndexIsReportedAtTheAxis() {
        List<ConfigError> errors = errors("""
                sweep:
                  grid: {logging.5.type: [csv]}
                """);
        assertEquals(1, errors.size());
        assertTrue(errors.get(0).toString().startsWith("abl.yaml:11:10 logging.5: index 5 is out of range"),
                errors.get(0).toString());
    }

    @Test
    void sameLastSegmentUsesTheFullKeyInNames() {
        List<ExpandedRun> runs = SweepExpander.expand("k", tree("""
                sweep:
                  grid: {loss.type: [byol], mask_proposer.type: [drfi]}
                """));
        assertEquals("loss.type=byol,mask_proposer.type=drfi", runs.get(0).setting());
        assertEquals(Map.of("type", "byol"), at(runs.get(0), "loss"), "a changed type replaces the component");
    }

    @Test
    void noSweepSectionGivesOneBaseRun() {
        List<ExpandedRun> runs = SweepExpander.expand("plain", tree(""));
        assertEquals(1, runs.size());
        assertEquals("plain/base/seed7", runs.get(0).name());
    }

    @Test
    void badSweepNamesAndEmptyVariantsAreErrors() {
        List<ConfigError> errors = assertThrows(ConfigException.class, () -> SweepExpander.expand("a b", tree("""
                sweep:
                  variants: {}
                """))).errors();
        assertEquals(2, errors.size(), errors.toString());
    }

    @Test
    void variantSeedsReplaceTheSweepSeedsForThatVariant() {
        List<ExpandedRun> runs = SweepExpander.expand("abl", tree("""
                sweep:
                  variants: {byol: {loss: {type: byol}}, harl: {}, center: {}}
                  seeds: [0, 1, 2, 3, 4]
                  variant_seeds: {center: [0, 1, 2]}
                  baseline: byol
                """));
        assertEquals(13, runs.size());
        assertEquals(List.of(0L, 1L, 2L), runs.stream().filter(r -> r.setting().equals("center"))
                .map(ExpandedRun::seed).toList());
        assertEquals(5, runs.stream().filter(r -> r.setting().equals("harl")).count());
    }

    @Test
    void unknownBaselineAndVariantSeedsOfNoVariantAreErrorsNamingTheKey() {
        List<ConfigError> errors = errors("""
                sweep:
                  variants: {byol: {loss: {type: byol}}, harl: {}}
                  variant_seeds: {harl2: [0], harl: [1, 1]}
                  baseline: byl
                """);
        List<String> texts = errors.stream().map(e -> e.path() + ": " + e.message()).toList();
        assertTrue(texts.stream().anyMatch(t -> t.startsWith("sweep.variant_seeds.harl2: no variant 'harl2'")), texts.toString());
        assertTrue(texts.stream().anyMatch(t -> t.startsWith("sweep.variant_seeds.harl: seed 1 is listed twice")), texts.toString());
        // the baseline is checked once the settings are known, i.e. when the rest is valid
        List<ConfigError> baseline = errors("""
                sweep:
                  variants: {byol: {loss: {type: byol}}, harl: {}}
                  baseline: byl
                """);
        assertEquals("sweep.baseline", baseline.get(0).path());
        assertTrue(baseline.get(0).message().contains("no setting 'byl'; settings: byol, harl"), baseline.get(0).message());
        assertEquals(12, baseline.get(0).origin().line(), baseline.get(0).origin().toString());
    }
}
