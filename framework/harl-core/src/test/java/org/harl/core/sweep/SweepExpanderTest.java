package org.harl.core.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

class SweepExpanderTest {

    private static final String BASE = """
            name: exp
            seed: 7
            loss: {type: harl, alpha: 0.5, beta: 0.5}
            optimizer: {base_lr: 0.3}
            training: {batch_size: 64}
            augmentation:
              type: byol
              views: [{blur: 1.0}, {blur: 0.1}]
            mask_proposer: {type: center_prior, sigma: 0.3}
            """;

    private static Map<String, Object> tree(String sweep) {
        Map<String, Object> t = new Yaml().load(BASE + sweep);
        return t;
    }

    @SuppressWarnings("unchecked")
    private static Object at(Map<String, Object> tree, String... path) {
        Object node = tree;
        for (String p : path) {
            node = node instanceof List<?> l ? l.get(Integer.parseInt(p)) : ((Map<String, Object>) node).get(p);
        }
        return node;
    }

    @Test
    void gridIsTheCartesianProductTimesSeeds() {
        List<ExpandedRun> runs = SweepExpander.expand("abl", tree("""
                sweep:
                  grid: {loss.alpha: [0.5, 1.0], optimizer.base_lr: [0.2, 0.4, 0.6]}
                  seeds: [0, 1]
                """), "abl.yaml");
        assertEquals(12, runs.size());
        assertEquals("abl/alpha=0.5,base_lr=0.2/seed0", runs.get(0).name());
        assertEquals("abl/alpha=0.5,base_lr=0.2/seed1", runs.get(1).name());
        assertEquals("abl/alpha=1.0,base_lr=0.6/seed1", runs.get(11).name());
        Map<String, Object> last = runs.get(11).tree();
        assertEquals(1.0, at(last, "loss", "alpha"));
        assertEquals(0.6, at(last, "optimizer", "base_lr"));
        assertEquals(0.5, at(last, "loss", "beta"), "untouched keys stay");
        assertEquals(1L, last.get("seed"));
        assertEquals("abl/alpha=1.0,base_lr=0.6/seed1", last.get("name"));
        assertFalse(last.containsKey("sweep"));
        // runs do not share mutable state
        assertEquals(0.5, at(runs.get(0).tree(), "loss", "alpha"));
    }

    @Test
    void zipPairsValuesAndCombinesWithGrid() {
        List<ExpandedRun> runs = SweepExpander.expand("z", tree("""
                sweep:
                  grid: {loss.beta: [0.0, 1.0]}
                  zip: {optimizer.base_lr: [0.2, 0.4], training.batch_size: [256, 512]}
                """), "z.yaml");
        assertEquals(List.of("beta=0.0,base_lr=0.2,batch_size=256", "beta=0.0,base_lr=0.4,batch_size=512",
                "beta=1.0,base_lr=0.2,batch_size=256", "beta=1.0,base_lr=0.4,batch_size=512"),
                runs.stream().map(ExpandedRun::setting).toList());
        assertEquals(512, at(runs.get(3).tree(), "training", "batch_size"));
        assertEquals(7L, runs.get(0).seed(), "without seeds the experiment's seed is used");
    }

    @Test
    void zipOfUnequalLengthsNamesTheKeys() {
        SweepException e = assertThrows(SweepException.class, () -> SweepExpander.expand("z", tree("""
                sweep:
                  zip: {optimizer.base_lr: [0.2, 0.4], training.batch_size: [256, 512, 1024]}
                """), "z.yaml"));
        assertEquals(1, e.errors().size());
        assertTrue(e.getMessage().startsWith("z.yaml: 1 error"), e.getMessage());
        assertTrue(e.errors().get(0).contains("training.batch_size") && e.errors().get(0).contains("optimizer.base_lr"),
                e.errors().get(0));
    }

    @Test
    void variantsMergeOverridesAndReplaceNodesWhoseTypeChanges() {
        List<ExpandedRun> runs = SweepExpander.expand("masks", tree("""
                sweep:
                  variants:
                    byol: {loss: {beta: 1.0}}
                    drfi: {mask_proposer: {type: drfi, scales: 3}}
                    prior: {mask_proposer: {sigma: 0.5}}
                  seeds: [0, 1, 2]
                """), "masks.yaml");
        assertEquals(9, runs.size());
        assertEquals("masks/byol/seed0", runs.get(0).name());
        assertEquals(1.0, at(runs.get(0).tree(), "loss", "beta"));
        assertEquals(0.5, at(runs.get(0).tree(), "loss", "alpha"));
        Map<String, Object> drfi = runs.get(3).tree();
        assertEquals(Map.of("type", "drfi", "scales", 3), at(drfi, "mask_proposer"), "type change replaces");
        Map<String, Object> prior = runs.get(6).tree();
        assertEquals(Map.of("type", "center_prior", "sigma", 0.5), at(prior, "mask_proposer"));
    }

    @Test
    void dottedKeysIndexLists() {
        List<ExpandedRun> runs = SweepExpander.expand("v", tree("""
                sweep:
                  grid: {augmentation.views.1.blur: [0.0, 0.5]}
                """), "v.yaml");
        assertEquals(0.5, at(runs.get(1).tree(), "augmentation", "views", "1", "blur"));
        assertEquals(1.0, at(runs.get(1).tree(), "augmentation", "views", "0", "blur"));
        assertEquals("blur=0.5", runs.get(1).setting());
    }

    @Test
    void reportsAllErrorsAtOnce() {
        SweepException e = assertThrows(SweepException.class, () -> SweepExpander.expand("bad", tree("""
                sweep:
                  grid: {augmentation.views.5.blur: [0.0], loss.alpha: 0.5}
                  zip: {optimizer.base_lr: [0.2]}
                  seeds: [0, zero]
                  repeat: 3
                """), "bad.yaml"));
        List<String> errors = e.errors();
        assertEquals(3, errors.size(), errors.toString());
        assertTrue(errors.stream().anyMatch(s -> s.startsWith("sweep.repeat: unknown key")), errors.toString());
        assertTrue(errors.stream().anyMatch(s -> s.startsWith("sweep.grid.loss.alpha: must be a non-empty list")));
        assertTrue(errors.stream().anyMatch(s -> s.startsWith("sweep.seeds: seeds must be integers")));
    }

    @Test
    void outOfRangeListIndexIsReportedPerSetting() {
        SweepException e = assertThrows(SweepException.class, () -> SweepExpander.expand("bad", tree("""
                sweep:
                  grid: {augmentation.views.5.blur: [0.0, 1.0]}
                """), "bad.yaml"));
        assertEquals(2, e.errors().size());
        assertTrue(e.errors().get(0).contains("index 5 out of range, 'augmentation.views' has 2 elements"),
                e.errors().get(0));
    }

    @Test
    void sameLastSegmentUsesTheFullKeyInNames() {
        List<ExpandedRun> runs = SweepExpander.expand("k", tree("""
                sweep:
                  grid: {loss.type: [harl], mask_proposer.type: [drfi]}
                """), "k.yaml");
        assertEquals("loss.type=harl,mask_proposer.type=drfi", runs.get(0).setting());
    }

    @Test
    void noSweepSectionGivesOneBaseRun() {
        List<ExpandedRun> runs = SweepExpander.expand("plain", tree(""), "plain.yaml");
        assertEquals(1, runs.size());
        assertEquals("plain/base/seed7", runs.get(0).name());
    }

    @Test
    void duplicateSeedsAndEmptyVariantsAreErrors() {
        Map<String, Object> t = tree("");
        Map<String, Object> sweep = new LinkedHashMap<>();
        sweep.put("seeds", new ArrayList<>(List.of(1, 1)));
        sweep.put("variants", Map.of());
        t.put("sweep", sweep);
        SweepException e = assertThrows(SweepException.class, () -> SweepExpander.expand("d", t, "d.yaml"));
        assertEquals(2, e.errors().size(), e.errors().toString());
    }
}
