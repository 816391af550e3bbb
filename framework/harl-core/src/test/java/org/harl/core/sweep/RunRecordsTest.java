package org.harl.core.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.harl.core.config.ComponentSpec;
import org.harl.core.config.ConfigNode.MapNode;
import org.harl.core.config.ExperimentConfig;
import org.harl.core.config.HeadsConfig;
import org.harl.core.config.MonitorConfig;
import org.harl.core.config.OptimizerConfig;
import org.harl.core.config.Origin;
import org.harl.core.config.ResolvedConfig;
import org.harl.core.config.TrainingConfig;
import org.harl.core.run.ExperimentRunner;
import org.harl.core.run.RunOptions;
import org.harl.core.run.RunResult;
import org.harl.spi.ComponentKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sweep continues on a fresh machine from its committed run records, and never from a stale one. */
class RunRecordsTest {

    @TempDir
    Path tmp;

    private final List<String> trained = new ArrayList<>();
    private final List<String> log = new ArrayList<>();

    private final ExperimentRunner fakeRunner = (ExperimentConfig exp, RunOptions options) -> {
        trained.add(exp.name());
        Path dir = options.runsRoot().resolve(exp.name());
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("config.yaml"), ResolvedConfig.toYaml(exp.resolved()));
        return new RunResult(dir, true, Map.of("completed", true, "wall_s", 100.0 + exp.seed()));
    };

    /** Each asked-for evaluation's marker key, 0.5 + seed / 100. */
    private final RunEvaluator fakeEvaluator = new RunEvaluator() {
        @Override
        public Map<String, Object> evaluate(Path dir) {
            throw new AssertionError("the sweep names its evaluations");
        }

        @Override
        public Map<String, Object> evaluate(Path dir, List<String> which) {
            long seed = Long.parseLong(dir.getFileName().toString().substring(4));
            Map<String, Object> out = new LinkedHashMap<>();
            which.forEach(w -> {
                out.put(SweepEvaluations.MARKER_KEYS.get(w), 0.5 + 0.01 * seed);
                out.put("random_init_" + SweepEvaluations.MARKER_KEYS.get(w), 0.1); // as SweepEvaluator does
            });
            if (which.contains(SweepEvaluations.KNN)) {
                out.put("knn_top1", 0.5 + 0.01 * seed);
            }
            return out;
        }
    };

    private static PlannedRun planned(String setting, long seed, Map<String, Object> training,
                                      List<String> evaluations) {
        ExpandedRun run = new ExpandedRun("abl", setting, seed, MapNode.empty(Origin.of("test")), evaluations);
        Map<String, Object> resolved = new LinkedHashMap<>();
        resolved.put("name", run.name());
        resolved.put("seed", seed);
        resolved.put("training", training);
        ComponentSpec spec = new ComponentSpec(ComponentKind.DATASET, "fake", TrainingConfig.defaults(), Map.of());
        ExperimentConfig config = new ExperimentConfig(run.name(), seed, spec, spec, spec, Optional.empty(), spec,
                TrainingConfig.defaults(), OptimizerConfig.defaults(), HeadsConfig.defaults(),
                MonitorConfig.defaults(), List.of(), resolved, null);
        return new PlannedRun(run, config);
    }

    private static List<PlannedRun> plan(Map<String, Object> training, List<String> evaluations) {
        return List.of(planned("byol", 0, training, evaluations), planned("byol", 1, training, evaluations));
    }

    private List<RunOutcome> sweep(Path root, Path records, List<PlannedRun> plan) {
        return new SweepRunner(fakeRunner, fakeEvaluator, d -> false, root, log::add, new RunRecords(records),
                null).run("abl", plan);
    }

    @Test
    void aFreshMachineTakesRecordedRunsInsteadOfTrainingThem() throws Exception {
        Path records = tmp.resolve("docs/results/abl");
        List<PlannedRun> plan = plan(Map.of("epochs", 48, "batch_size", 256), List.of("linear", "knn"));
        sweep(tmp.resolve("machine1"), records, plan);
        assertEquals(List.of("abl/byol/seed0", "abl/byol/seed1"), trained);

        Map<?, ?> record = new ObjectMapper().readValue(records.resolve("runs/byol/seed1.json").toFile(), Map.class);
        assertEquals(0.51, ((Map<?, ?>) record.get("summary")).get("linear_top1"));
        assertEquals(101.0, ((Map<?, ?>) record.get("summary")).get("wall_s"));
        assertEquals(64, record.get("config_sha256").toString().length());
        assertEquals(Map.of("epochs", 48, "batch_size", 256), ((Map<?, ?>) record.get("config")).get("training"));
        assertTrue(Files.readString(records.resolve("results.csv")).contains(",completed,"));

        trained.clear();
        List<RunOutcome> again = sweep(tmp.resolve("machine2"), records, plan); // nothing of machine1's runs dir
        assertEquals(List.of(), trained);
        assertEquals(List.of("completed", "completed"), again.stream().map(RunOutcome::status).toList());
        assertEquals(0.51, again.get(1).summary().get("knn_top1"));
        assertTrue(log.stream().anyMatch(l -> l.contains("seed1: recorded in ") && l.endsWith("not retrained")),
                log.toString());
        List<String> csv = Files.readAllLines(tmp.resolve("machine2/abl/results.csv"));
        assertTrue(csv.get(2).contains(",completed,"), csv.get(2));
    }

    @Test
    void aRecordWithAnotherConfigValueFailsTheRunNamingTheKey() throws Exception {
        Path records = tmp.resolve("records");
        sweep(tmp.resolve("m1"), records, plan(Map.of("epochs", 48), List.of("linear")));
        trained.clear();
        List<RunOutcome> out = sweep(tmp.resolve("m2"), records, plan(Map.of("epochs", 24), List.of("linear")));
        assertEquals(List.of(), trained);
        assertEquals("failed", out.get(0).status());
        assertTrue(out.get(0).error().contains("training.epochs = 48, but the sweep now plans 24"), out.get(0).error());
        assertTrue(out.get(0).error().contains("runs/byol/seed0.json"), out.get(0).error());
    }

    @Test
    void keysInOneConfigOnlyAreListedNotFatal() throws Exception {
        Path records = tmp.resolve("records");
        sweep(tmp.resolve("m1"), records, plan(Map.of("epochs", 48), List.of("linear")));
        trained.clear();
        // a key added to the schema after the runs were recorded
        List<RunOutcome> out = sweep(tmp.resolve("m2"), records,
                plan(Map.of("epochs", 48, "max_empty_mask_share", 0.5), List.of("linear")));
        assertEquals(List.of(), trained);
        assertEquals("completed", out.get(0).status());
        assertTrue(log.stream().anyMatch(l -> l.contains("not compared: training.max_empty_mask_share")),
                log.toString());
    }

    @Test
    void aRecordLackingAnEvaluationIsTrainedAgainAndRecordedAnew() throws Exception {
        Path records = tmp.resolve("records");
        sweep(tmp.resolve("m1"), records, plan(Map.of("epochs", 48), List.of("linear")));
        trained.clear();
        sweep(tmp.resolve("m2"), records, plan(Map.of("epochs", 48), List.of("linear", "semi")));
        assertEquals(List.of("abl/byol/seed0", "abl/byol/seed1"), trained);
        assertTrue(Files.readString(records.resolve("runs/byol/seed0.json")).contains("semi_1pct_top1"));
    }

    @Test
    void pairedDifferencesToTheBaselineAreInResultsMd() throws Exception {
        List<RunOutcome> outcomes = new ArrayList<>();
        double[] byol = {0.50, 0.60, 0.70};
        double[] harl = {0.55, 0.62, 0.74};
        for (int seed = 0; seed < 3; seed++) {
            outcomes.add(outcome("byol", seed, byol[seed]));
            outcomes.add(outcome("harl", seed, harl[seed]));
        }
        outcomes.add(outcome("center", 0, 0.40));
        new SweepResultFiles(tmp).write(outcomes, "byol");
        String md = Files.readString(tmp.resolve("results.md"));
        // diffs 5, 2, 4 points: mean 3.667, sd 1.528, t(0.975, 2) = 4.3027 -> half-width 3.795
        assertTrue(md.contains("| harl | linear_top1 | 3 | +3.67 | [-0.13, +7.46] | spans 0 |"), md);
        assertTrue(md.contains("| center | linear_top1 | 1 | -10.00 | – | – |"), md);
        assertTrue(md.contains("## Paired differences to `byol`"), md);
    }

    private static RunOutcome outcome(String setting, long seed, double linear) {
        ExpandedRun run = new ExpandedRun("abl", setting, seed, MapNode.empty(Origin.of("test")));
        return new RunOutcome(run, Path.of(run.name()), "completed", Map.of("linear_top1", linear), null);
    }
}
