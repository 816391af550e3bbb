package org.harl.core.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.OptionalBinder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.harl.core.guice.Harl;
import org.harl.core.run.ExperimentRunner;
import org.harl.core.run.RunDirectory;
import org.harl.core.run.RunResult;
import org.harl.core.sweep.RunEvaluator;
import org.harl.core.sweep.RunOutcome;
import org.harl.core.sweep.RunProgress;
import org.harl.core.sweep.RunReuse;
import org.harl.testing.fake.FakeExperiments;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link SweepJob} without a command line, on a 2 settings x 2 seeds ablation of the fake plugin's components. */
class SweepJobTest {

    static final String ABLATION = FakeExperiments.ABLATION;

    @TempDir
    Path dir;

    private final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    private SweepJob job;
    private Path sweeps;

    @BeforeEach
    void setUp() {
        ExperimentRunner runner = (experiment, options) -> {
            calls.add(experiment.name());
            return new RunResult(RunDirectory.of(experiment, options).path(), true, Map.of("wall_s", 3.0));
        };
        RunEvaluator evaluator = runDir -> Map.of("linear_top1", 0.25, "knn_top1", 0.5, "knn_k", 20,
                "random_init_linear_top1", 0.1, "random_init_knn_top1", 0.1, "random_init_knn_k", 20);
        job = Harl.injector(new AbstractModule() {
            @Override
            protected void configure() {
                OptionalBinder.newOptionalBinder(binder(), ExperimentRunner.class).setBinding().toInstance(runner);
                OptionalBinder.newOptionalBinder(binder(), RunEvaluator.class).setBinding().toInstance(evaluator);
            }
        }).getInstance(SweepJob.class);
        sweeps = dir.resolve("sweeps");
    }

    private SweepJob.Request request(Path file, List<String> overrides, List<Path> reuseFrom) {
        return new SweepJob.Request(file, overrides, sweeps, List.of(), List.of(), reuseFrom, true);
    }

    @Test
    void plansAndClassifiesEveryRunWithoutTouchingTheDisk() throws Exception {
        Path file = Files.writeString(dir.resolve("tau_abl.yaml"), ABLATION);
        SweepJob.Request request = request(file, List.of(), List.of());
        SweepJob.Plan plan = job.plan(request);
        assertEquals("tau_abl", plan.sweep());
        assertEquals(4, plan.selected().size());
        assertEquals(2, plan.settings());
        List<SweepJob.RunState> states = job.classify(request, plan);
        assertEquals(sweeps.resolve("tau_abl/tau=0.1/seed0"), states.get(0).dir());
        assertTrue(states.stream().allMatch(s -> s.progress() == RunProgress.NEW && !s.otherConfig()
                && s.reusable().isEmpty()), states.toString());
        assertFalse(Files.exists(sweeps), "classifying writes nothing");

        SweepJob.Request selected = new SweepJob.Request(file, List.of(), sweeps, List.of("tau=0.3"), List.of(1L),
                List.of(), true);
        assertEquals(List.of("tau_abl/tau=0.3/seed1"),
                job.plan(selected).selected().stream().map(p -> p.run().name()).toList());
        SweepJob.Request unknown = new SweepJob.Request(file, List.of(), sweeps, List.of("tau=0.2"), List.of(),
                List.of(), true);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> job.plan(unknown));
        assertEquals("--only: no setting 'tau=0.2' in " + file + "; settings: tau=0.1, tau=0.3", e.getMessage());
    }

    @Test
    void runsOneSettingAndSeedThenWritesTheTablesOnce() throws Exception {
        Path file = Files.writeString(dir.resolve("tau_abl.yaml"), ABLATION);
        SweepJob.Request request = request(file, List.of(), List.of());
        SweepJob.Plan plan = job.plan(request);
        List<String> log = new ArrayList<>();

        RunOutcome one = job.runOne(request, plan, "tau=0.3", 1, log::add);
        assertEquals("completed", one.status());
        assertEquals(List.of("tau_abl/tau=0.3/seed1"), calls);
        assertEquals(0.5, one.summary().get("knn_top1"));
        assertFalse(Files.exists(sweeps.resolve("tau_abl/results.csv")), "runOne writes no table");
        List<SweepJob.RunState> states = job.classify(request, plan);
        assertEquals(List.of(RunProgress.NEW, RunProgress.NEW, RunProgress.NEW, RunProgress.COMPLETE),
                states.stream().map(SweepJob.RunState::progress).toList());

        assertEquals("completed", job.runOne(request, plan, "tau=0.3", 1, log::add).status());
        assertEquals(1, calls.size(), "a complete run is not trained again");
        assertTrue(log.get(log.size() - 2).endsWith("tau_abl/tau=0.3/seed1: already complete, skipped"), log.toString());

        SweepJob.Result result = job.writeResults(request, plan, List.of(one));
        assertEquals(1, result.completed());
        List<String> csv = Files.readAllLines(result.csv());
        assertEquals(5, csv.size());
        assertTrue(csv.get(1).startsWith("tau=0.1,0,") && csv.get(1).contains(",not_run,"), csv.get(1));
        assertTrue(csv.get(4).startsWith("tau=0.3,1,") && csv.get(4).contains(",completed,"), csv.get(4));

        SweepJob.Request epochs = request(file, List.of("training.epochs=7"), List.of());
        SweepJob.RunState other = job.classify(epochs, job.plan(epochs)).get(3);
        assertTrue(other.otherConfig() && other.progress() == RunProgress.COMPLETE, other.toString());
    }

    @Test
    void runOneCopiesAReusableRunInsteadOfTrainingIt() throws Exception {
        Path first = Files.writeString(dir.resolve("tau_abl.yaml"), ABLATION);
        SweepJob.Request firstRequest = request(first, List.of(), List.of());
        SweepJob.Result done = job.run(firstRequest, job.plan(firstRequest), line -> { });
        assertEquals(4, done.completed());
        assertEquals(4, calls.size());

        Path second = Files.writeString(dir.resolve("tau_more.yaml"), ABLATION.replace("[0.1, 0.3]", "[0.3, 0.5]"));
        SweepJob.Request request = request(second, List.of(), List.of(sweeps.resolve("tau_abl")));
        SweepJob.Plan plan = job.plan(request);
        List<Optional<Path>> reusable = job.classify(request, plan).stream().map(SweepJob.RunState::reusable).toList();
        assertEquals(List.of(Optional.of(sweeps.resolve("tau_abl/tau=0.3/seed0")),
                Optional.of(sweeps.resolve("tau_abl/tau=0.3/seed1")), Optional.empty(), Optional.empty()), reusable);

        List<String> log = new ArrayList<>();
        RunOutcome reused = job.runOne(request, plan, "tau=0.3", 0, log::add);
        assertEquals("completed", reused.status());
        assertEquals(4, calls.size(), "the reused run is not trained");
        assertEquals(sweeps.resolve("tau_abl/tau=0.3/seed0").toString(), reused.summary().get(RunReuse.REUSED_FROM));
        assertEquals("tau_more/tau=0.3/seed0: reused " + sweeps.resolve("tau_abl/tau=0.3/seed0") + " (same config)",
                log.get(0));
    }
}
