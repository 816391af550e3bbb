package org.harl.core.jobs;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.harl.core.run.RunDirectory;
import org.harl.core.run.RunLauncher;
import org.harl.core.sweep.PlannedRun;
import org.harl.core.sweep.RunEvaluator;
import org.harl.core.sweep.RunOutcome;
import org.harl.core.sweep.RunProgress;
import org.harl.core.sweep.RunRecords;
import org.harl.core.sweep.RunReuse;
import org.harl.core.sweep.SweepPlanner;
import org.harl.core.sweep.SweepResultFiles;
import org.harl.core.sweep.SweepRunner;
import org.harl.core.train.Checkpoints;

/**
 * The sweep behind {@code harl sweep}: plans an ablation file (every run validated before any starts), selects runs,
 * classifies each by what its directory holds (new, interrupted, complete, or reusable from another sweep), and runs
 * them into {@code sweepsDir/<sweep>/<setting>/seed<n>} with the results tables rewritten after each run.
 * {@link #runOne} runs a single (setting, seed), reuse included, so that a distributed executor can run one task per
 * run and write the tables once with {@link #writeResults}.
 */
@Singleton
public final class SweepJob {

    /**
     * @param overrides {@code KEY=VALUE} applied to every run
     * @param only      settings to run (empty: all)
     * @param seeds     seeds to run (empty: all)
     * @param reuseFrom folders searched for completed runs with the same config
     * @param evaluate  whether finished runs get the linear and kNN evaluation
     * @param record    the record folder ({@link RunRecords}) instead of the file's {@code sweep.record}, or null
     */
    public record Request(Path file, List<String> overrides, Path sweepsDir, List<String> only, List<Long> seeds,
            List<Path> reuseFrom, boolean evaluate, Path record) {

        /** A request that records where the ablation file says ({@code sweep.record}), if anywhere. */
        public Request(Path file, List<String> overrides, Path sweepsDir, List<String> only, List<Long> seeds,
                List<Path> reuseFrom, boolean evaluate) {
            this(file, overrides, sweepsDir, only, seeds, reuseFrom, evaluate, null);
        }

        public Request {
            Objects.requireNonNull(file, "file");
            overrides = List.copyOf(overrides);
            Objects.requireNonNull(sweepsDir, "sweepsDir");
            only = List.copyOf(only);
            seeds = List.copyOf(seeds);
            reuseFrom = List.copyOf(reuseFrom);
        }
    }

    /**
     * Every validated run of the file, and those the request selects.
     *
     * @param baseline the setting results.md pairs the others with, or null
     * @param records  where finished runs are recorded and looked up
     */
    public record Plan(String sweep, List<PlannedRun> all, List<PlannedRun> selected, String baseline,
            RunRecords records) {
        public Plan {
            all = List.copyOf(all);
            selected = List.copyOf(selected);
        }

        public Plan(String sweep, List<PlannedRun> all, List<PlannedRun> selected) {
            this(sweep, all, selected, null, RunRecords.NONE);
        }

        /** Distinct settings among the selected runs. */
        public long settings() {
            return selected.stream().map(p -> p.run().setting()).distinct().count();
        }
    }

    /**
     * Where a planned run stands: its directory's {@link RunProgress}, whether that directory was trained with another
     * config, a completed run with the same config to copy instead of training (new runs only), and what the record
     * folder says of it (e.g. "recorded in FILE"), if anything.
     */
    public record RunState(PlannedRun run, Path dir, RunProgress progress, boolean otherConfig,
            Optional<Path> reusable, Optional<String> record) {
    }

    /** The outcomes of the runs, and the results tables listing every run of the plan. */
    public record Result(List<RunOutcome> outcomes, Path csv, Path markdown) {
        public Result {
            outcomes = List.copyOf(outcomes);
        }

        public long completed() {
            return outcomes.stream().filter(o -> o.status().equals("completed")).count();
        }
    }

    private static final Predicate<Path> HAS_CHECKPOINT = dir -> new Checkpoints(dir).latest().isPresent();

    private final SweepPlanner planner;
    private final RunLauncher launcher;
    private final RunEvaluator evaluator;

    @Inject
    public SweepJob(SweepPlanner planner, RunLauncher launcher, RunEvaluator evaluator) {
        this.planner = planner;
        this.launcher = launcher;
        this.evaluator = evaluator;
    }

    /** Loads, expands and validates every run; an unknown {@code only} setting or seed is an error listing the valid ones. */
    public Plan plan(Request request) {
        SweepPlanner.Sweep sweep = planner.planSweep(request.file(), request.overrides());
        List<PlannedRun> all = sweep.runs();
        List<String> settingNames = all.stream().map(p -> p.run().setting()).distinct().toList();
        List<Long> seedValues = all.stream().map(p -> p.run().seed()).distinct().toList();
        for (String s : request.only()) {
            if (!settingNames.contains(s)) {
                throw new IllegalArgumentException("--only: no setting '" + s + "' in " + request.file()
                        + "; settings: " + String.join(", ", settingNames));
            }
        }
        for (Long s : request.seeds()) {
            if (!seedValues.contains(s)) {
                throw new IllegalArgumentException("--seeds: seed " + s + " is not in " + request.file()
                        + "; seeds: " + seedValues);
            }
        }
        List<PlannedRun> selected = all.stream()
                .filter(p -> request.only().isEmpty() || request.only().contains(p.run().setting()))
                .filter(p -> request.seeds().isEmpty() || request.seeds().contains(p.run().seed())).toList();
        Path record = request.record() != null ? request.record() : sweep.record();
        return new Plan(SweepPlanner.sweepName(request.file()), all, selected, sweep.baseline(),
                record == null ? RunRecords.NONE : new RunRecords(record));
    }

    /** The state of every selected run (what a dry run lists); reads the directories, changes nothing. */
    public List<RunState> classify(Request request, Plan plan) {
        RunReuse reuse = new RunReuse(request.reuseFrom(), HAS_CHECKPOINT);
        return plan.selected().stream().map(p -> state(request, plan, reuse, p)).toList();
    }

    /** Runs every selected run (reusing, skipping, resuming), rewriting the results tables after each. */
    public Result run(Request request, Plan plan, Consumer<String> log) throws InterruptedException {
        reuseAll(classify(request, plan), log);
        SweepRunner runner = runner(request, plan, log);
        List<RunOutcome> outcomes = runner.run(plan.sweep(), plan.all(), plan.selected()::contains);
        return result(request, plan, outcomes);
    }

    /**
     * Runs the one run of {@code setting} and {@code seed}: copied from a reusable run when there is one, else
     * trained (or skipped, or resumed) and evaluated. Writes no results table; never throws for the run's failure.
     */
    public RunOutcome runOne(Request request, Plan plan, String setting, long seed, Consumer<String> log) {
        PlannedRun run = plan.all().stream()
                .filter(p -> p.run().setting().equals(setting) && p.run().seed() == seed).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no run " + setting + " seed " + seed + " in "
                        + request.file()));
        RunState state = state(request, plan, new RunReuse(request.reuseFrom(), HAS_CHECKPOINT), run);
        reuseAll(List.of(state), log);
        return runner(request, plan, log).runOne(plan.sweep(), run, plan.all().indexOf(run), plan.all().size());
    }

    /** Writes the results tables from outcomes gathered with {@link #runOne}; other runs appear as found on disk. */
    public Result writeResults(Request request, Plan plan, List<RunOutcome> outcomes) {
        List<PlannedRun> chosen = new ArrayList<>();
        for (RunOutcome o : outcomes) {
            chosen.add(plan.all().stream().filter(p -> p.run().equals(o.run())).findFirst().orElseThrow(
                    () -> new IllegalArgumentException("run " + o.run().name() + " is not in the plan")));
        }
        runner(request, plan, line -> { }).writeResults(plan.sweep(), plan.all(), chosen, outcomes);
        return result(request, plan, outcomes);
    }

    private RunState state(Request request, Plan plan, RunReuse reuse, PlannedRun p) {
        Path dir = request.sweepsDir().resolve(p.run().name());
        RunProgress progress = RunProgress.of(dir, HAS_CHECKPOINT);
        boolean other = progress != RunProgress.NEW && !new RunDirectory(dir).hasConfigOf(p.config());
        Optional<String> record = Optional.empty();
        if (progress != RunProgress.COMPLETE) {
            try {
                record = plan.records().find(p).map(f -> "recorded in " + f.file());
            } catch (RuntimeException e) {
                record = Optional.of("record does not match: " + e.getMessage());
            }
        }
        // a recorded run is not retrained, so there is nothing to copy for it
        Optional<Path> source = progress == RunProgress.NEW && !Files.exists(dir)
                && record.filter(r -> r.startsWith("recorded")).isEmpty() ? reuse.find(p.config()) : Optional.empty();
        return new RunState(p, dir, progress, other, source, record);
    }

    private static void reuseAll(List<RunState> states, Consumer<String> log) {
        for (RunState s : states) {
            if (s.reusable().isPresent()) {
                RunReuse.copy(s.reusable().get(), s.dir(), s.run().config());
                log.accept(s.run().run().name() + ": reused " + s.reusable().get() + " (same config)");
            }
        }
    }

    private SweepRunner runner(Request request, Plan plan, Consumer<String> log) {
        return new SweepRunner(launcher::launch, request.evaluate() ? evaluator : RunEvaluator.NONE, HAS_CHECKPOINT,
                request.sweepsDir(), log, plan.records(), plan.baseline());
    }

    private Result result(Request request, Plan plan, List<RunOutcome> outcomes) {
        SweepResultFiles files = new SweepResultFiles(request.sweepsDir().resolve(plan.sweep()));
        return new Result(outcomes, files.csv(), files.markdown());
    }
}
