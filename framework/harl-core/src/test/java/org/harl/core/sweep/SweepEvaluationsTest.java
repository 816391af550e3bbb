package org.harl.core.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.harl.core.config.ConfigErrors;
import org.harl.core.config.ConfigException;
import org.harl.core.config.ConfigNode.MapNode;
import org.harl.core.config.YamlReader;
import org.junit.jupiter.api.Test;

/** {@code sweep.evaluations}: parsed with the sweep, carried by every run, only missing ones rerun. */
class SweepEvaluationsTest {

    private static MapNode tree(String yaml) {
        ConfigErrors errors = new ConfigErrors();
        MapNode tree = (MapNode) YamlReader.read("name: exp\nseed: 3\n" + yaml, "abl.yaml", errors);
        errors.throwIfAny();
        return tree;
    }

    @Test
    void everyRunCarriesTheSweepsEvaluations() {
        List<ExpandedRun> runs = SweepExpander.expand("abl", tree("""
                sweep:
                  seeds: [0, 1]
                  evaluations: [linear, semi, detect]
                """));
        assertEquals(2, runs.size());
        runs.forEach(r -> assertEquals(List.of("linear", "semi", "detect"), r.evaluations()));
    }

    @Test
    void withoutTheListASweepRunsLinearAndKnn() {
        List<ExpandedRun> runs = SweepExpander.expand("abl", tree("sweep: {seeds: [0]}\n"));
        assertEquals(List.of("linear", "knn"), runs.get(0).evaluations());
    }

    @Test
    void unknownOrRepeatedEvaluationsAreErrorsNamingTheKey() {
        ConfigException e = assertThrows(ConfigException.class, () -> SweepExpander.expand("abl", tree("""
                sweep:
                  evaluations: [linear, segmentation, linear]
                """)));
        String all = e.getMessage();
        assertTrue(all.contains("sweep.evaluations") && all.contains("unknown evaluation 'segmentation'")
                && all.contains("known: linear, knn, semi, segment, detect"), all);
        assertTrue(all.contains("'linear' is listed twice"), all);
    }

    @Test
    void onlyEvaluationsWhoseKeyTheSummaryLacksAreMissing() {
        List<String> all = List.of("linear", "knn", "semi", "segment", "detect");
        assertEquals(all, SweepEvaluations.missing(all, Map.of()));
        assertEquals(List.of("semi", "detect"), SweepEvaluations.missing(all, Map.of("linear_top1", 0.5,
                "knn_k", 20, "seg_miou", 0.3, "semi_10pct_top1", 0.2)));
        // the training monitor writes knn_top1 too: only the evaluation's knn_k marks kNN as done
        assertEquals(List.of("knn"), SweepEvaluations.missing(List.of("knn"), Map.of("knn_top1", 0.4)));
    }

    @Test
    void aRunDirectoryLackingRandomInitResultsStillNeedsThatEvaluation() {
        List<String> all = List.of("linear", "segment");
        // killed after the trained encoder's evaluations, before the untrained one's
        Map<String, Object> summary = Map.of("linear_top1", 0.6, "seg_miou", 0.35, "random_init_seg_miou", 0.16);
        assertEquals(List.of("linear"), SweepEvaluations.missingWithRandomInit(all, summary));
        assertEquals(List.of(), SweepEvaluations.missing(all, summary)); // records are not retrained for it
    }

    @Test
    void resultsTableHasAColumnForEachDownstreamKey() {
        for (String key : List.of("semi_1pct_top1", "semi_10pct_top1", "seg_miou", "det_ap50",
                "random_init_semi_1pct_top1", "random_init_seg_miou", "random_init_det_ap50")) {
            assertTrue(ResultsCsv.VALUES.contains(key) && ResultsCsv.MEASURES.contains(key), key);
        }
    }
}
