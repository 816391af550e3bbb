package org.harl.core.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.harl.core.config.ComponentSpec;
import org.harl.core.config.ConfigNode.MapNode;
import org.harl.core.config.Origin;
import org.harl.core.config.ResolvedConfig;
import org.harl.core.config.ExperimentConfig;
import org.harl.core.config.HeadsConfig;
import org.harl.core.config.MonitorConfig;
import org.harl.core.config.OptimizerConfig;
import org.harl.core.config.TrainingConfig;
import org.harl.core.run.RunDirectory;
import org.harl.core.run.ExperimentRunner;
import org.harl.core.run.RunOptions;
import org.harl.core.run.RunResult;
import org.harl.spi.ComponentKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepRunnerTest {

    @TempDir
    Path root;

    private final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    private final List<Path> evaluated = Collections.synchronizedList(new ArrayList<>());
    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();

    /** Writes the summary a real trainer would; fails for runs whose name contains "boom". */
    private final ExperimentRunner fakeRunner = (ExperimentConfig exp, RunOptions options) -> {
        calls.add(exp.name() + (options.resume() ? " resume" : " fresh") + " group=" + options.group()
                + " quiet=" + options.quiet());
        if (exp.name().contains("boom")) {
            throw new IllegalStateException("out of memory in " + exp.name());
        }
        Path dir = options.runsRoot().resolve(exp.name());
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("config.yaml"), ResolvedConfig.toYaml(exp.resolved())); // as RunLauncher
        Map<String, Object> summary = Map.of("completed", true, "wall_s", 10.0 + exp.seed(), "knn_top5", 0.9);
        return new RunResult(dir, true, summary);
    };

    private final RunEvaluator fakeEvaluator = dir -> {
        evaluated.add(dir);
        long seed = Long.parseLong(dir.getFileName().toString().substring(4));
        return Map.of("linear_top1", 0.5 + 0.1 * seed, "linear_top5", 0.95, "knn_top1", 0.4, "knn_k", 20,
                "random_init_knn_k", 20, "random_init_linear_top1", 0.3, "random_init_knn_top1", 0.2);
    };

    private static ExperimentConfig config(String name, long seed) {
        ComponentSpec spec = new ComponentSpec(ComponentKind.DATASET, "fake", TrainingConfig.defaults(), Map.of());
        TrainingConfig training = TrainingConfig.defaults();
        training = new TrainingConfig(2, training.batchSize(), training.stepsPerEpoch(), training.accumulate(),
                training.tauBase(), training.tauFinal(), training.workers(), training.prefetch(),
                training.checkpointEvery(), training.threads());
        return new ExperimentConfig(name, seed, spec, spec, spec, Optional.empty(), spec, training,
                OptimizerConfig.defaults(), HeadsConfig.defaults(), MonitorConfig.defaults(), List.of(), Map.of(),
                null);
    }

    private static List<PlannedRun> plan(String sweep, String setting, long... seeds) {
        List<PlannedRun> plan = new ArrayList<>();
        for (long seed : seeds) {
            ExpandedRun run = new ExpandedRun(sweep, setting, seed, MapNode.empty(Origin.of("test")));
            plan.add(new PlannedRun(run, config(run.name(), seed)));
        }
        return plan;
    }

    private SweepRunner runner(java.util.function.Predicate<Path> hasCheckpoint) {
        return new SweepRunner(fakeRunner, fakeEvaluator, hasCheckpoint, root,
                new PrintStream(logBytes, true)::println);
    }

    @Test
    void runsEvaluatesAndWritesResults() throws Exception {
        List<PlannedRun> plan = new ArrayList<>(plan("abl", "alpha=0.5,beta=1", 0, 1, 2));
        List<RunOutcome> out = runner(d -> false).run("abl", plan);
        assertEquals(List.of("abl/alpha=0.5,beta=1/seed0 fresh group=abl quiet=true",
                "abl/alpha=0.5,beta=1/seed1 fresh group=abl quiet=true",
                "abl/alpha=0.5,beta=1/seed2 fresh group=abl quiet=true"), calls);
        assertEquals(3, evaluated.size());
        assertTrue(out.stream().allMatch(o -> o.status().equals("completed")));
        Map<String, Object> summary = new RunDirectory(root.resolve("abl/alpha=0.5,beta=1/seed1")).summary();
        assertEquals(0.6, (Double) summary.get("linear_top1"), 1e-12);
        assertEquals(true, summary.get("completed"));

        List<String> csv = Files.readAllLines(root.resolve("abl/results.csv"));
        assertEquals(ResultsCsv.header(), csv.get(0));
        assertEquals("\"alpha=0.5,beta=1\",1,\"" + root.resolve("abl/alpha=0.5,beta=1/seed1")
                + "\",completed,2,11.0,0.4,0.9,0.6,0.95,0.2,0.3,,,,,,,,", csv.get(2));
        String md = Files.readString(root.resolve("abl/results.md"));
        // linear top-1 over seeds: 50, 60, 70 % -> 60.0 ± 10.0
        assertTrue(md.contains("| alpha=0.5,beta=1 | 3/3 | 60.0 ± 10.0 | 95.0 ± 0.0 | 40.0 ± 0.0 | 90.0 ± 0.0 "
                + "| 11 ± 1 | 30.0 ± 0.0 | 20.0 ± 0.0 |"), md);
    }

    @Test
    void skipsCompletedRunsAndResumesInterruptedOnes() throws Exception {
        Path done = root.resolve("abl/s/seed0");
        new RunDirectory(done).mergeSummary(Map.of("completed", true, "linear_top1", 0.7, "knn_top1", 0.6,
                "knn_k", 20, "random_init_linear_top1", 0.3, "random_init_knn_top1", 0.2, "random_init_knn_k", 20));
        Files.writeString(done.resolve("config.yaml"), ResolvedConfig.toYaml(Map.of()));
        Path doneUnevaluated = root.resolve("abl/s/seed1");
        new RunDirectory(doneUnevaluated).mergeSummary(Map.of("completed", true));
        Files.writeString(doneUnevaluated.resolve("config.yaml"), ResolvedConfig.toYaml(Map.of()));
        Path interrupted = root.resolve("abl/s/seed2");
        new RunDirectory(interrupted).mergeSummary(Map.of("completed", false));
        Path crashedEarly = root.resolve("abl/s/seed3"); // a directory without a checkpoint starts afresh
        Files.createDirectories(crashedEarly);

        List<RunOutcome> out = runner(d -> d.equals(interrupted)).run("abl", plan("abl", "s", 0, 1, 2, 3));
        assertEquals(List.of("abl/s/seed2 resume group=abl quiet=true", "abl/s/seed3 fresh group=abl quiet=true"),
                calls);
        assertEquals(List.of(doneUnevaluated, interrupted, crashedEarly), evaluated);
        assertEquals(0.7, new RunDirectory(done).summary().get("linear_top1"));
        assertTrue(out.stream().allMatch(o -> o.status().equals("completed")));
        assertTrue(logBytes.toString().contains("abl/s/seed0: already complete, skipped"), logBytes.toString());
    }

    @Test
    void aFailedRunDoesNotStopTheSweep() throws Exception {
        List<PlannedRun> plan = new ArrayList<>(plan("abl", "boom", 0));
        plan.addAll(plan("abl", "fine", 0));
        List<RunOutcome> out = runner(d -> false).run("abl", plan);
        assertEquals("failed", out.get(0).status());
        assertEquals("out of memory in abl/boom/seed0", out.get(0).error());
        assertEquals("completed", out.get(1).status());
        String md = Files.readString(root.resolve("abl/results.md"));
        assertTrue(md.contains("- abl/boom/seed0: failed (out of memory in abl/boom/seed0)"), md);
        assertTrue(md.contains("| boom | 0/1 | – |"), md);
    }

    @Test
    void evaluationFailureKeepsTheTrainingResult() throws Exception {
        SweepRunner r = new SweepRunner(fakeRunner, dir -> {
            throw new IllegalArgumentException("no test split");
        }, d -> false, root, new PrintStream(logBytes, true)::println);
        List<RunOutcome> out = r.run("abl", plan("abl", "s", 0));
        assertEquals("eval_failed", out.get(0).status());
        assertEquals("no test split", out.get(0).error());
        assertFalse(new RunDirectory(out.get(0).dir()).summary().containsKey("linear_top1"));
    }

    @Test
    void aCompletedRunWithAnotherConfigIsNotSkippedSilently() throws Exception {
        Path done = root.resolve("abl/s/seed0");
        new RunDirectory(done).mergeSummary(Map.of("completed", true, "linear_top1", 0.7, "knn_top1", 0.6,
                "knn_k", 20, "random_init_linear_top1", 0.3, "random_init_knn_top1", 0.2, "random_init_knn_k", 20));
        Files.writeString(done.resolve("config.yaml"), "name: something else\n");
        List<RunOutcome> out = runner(d -> false).run("abl", plan("abl", "s", 0));
        assertEquals("failed", out.get(0).status());
        assertTrue(out.get(0).error().contains("was trained with another config"), out.get(0).error());
        assertEquals(List.of(), calls);
    }

    @Test
    void resultsListEveryRunOfThePlanWhenOnlySomeRun() throws Exception {
        List<PlannedRun> plan = plan("abl", "s", 0, 1, 2);
        runner(d -> false).run("abl", plan, p -> p.run().seed() == 0);
        List<RunOutcome> out = runner(d -> false).run("abl", plan, p -> p.run().seed() == 2);
        assertEquals(1, out.size());
        List<String> csv = Files.readAllLines(root.resolve("abl/results.csv"));
        assertEquals(4, csv.size(), csv.toString());
        assertTrue(csv.get(1).startsWith("s,0,") && csv.get(1).contains(",completed,2,10.0,"), csv.get(1));
        assertTrue(csv.get(2).startsWith("s,1,") && csv.get(2).contains(",not_run,,,"), csv.get(2));
        assertTrue(csv.get(3).startsWith("s,2,") && csv.get(3).contains(",completed,"), csv.get(3));
    }

    @Test
    void theTableWrittenAfterEachRunAlsoListsTheRunsStillToCome() throws Exception {
        List<List<String>> seenMidway = new ArrayList<>();
        ExperimentRunner peeking = (exp, options) -> {
            if (exp.seed() == 1) { // the table as an interrupted sweep would leave it after seed 0
                seenMidway.add(Files.readAllLines(root.resolve("abl/results.csv")));
            }
            return fakeRunner.run(exp, options);
        };
        new SweepRunner(peeking, fakeEvaluator, d -> false, root, line -> { }).run("abl", plan("abl", "s", 0, 1, 2));
        List<String> csv = seenMidway.get(0);
        assertEquals(4, csv.size(), csv.toString());
        assertTrue(csv.get(1).startsWith("s,0,") && csv.get(1).contains(",completed,"), csv.get(1));
        assertTrue(csv.get(2).startsWith("s,1,") && csv.get(2).contains(",not_run,"), csv.get(2));
        assertTrue(csv.get(3).startsWith("s,2,") && csv.get(3).contains(",not_run,"), csv.get(3));
    }
}
