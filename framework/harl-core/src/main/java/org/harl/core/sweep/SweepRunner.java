package org.harl.core.sweep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.harl.core.run.ExperimentRunner;
import org.harl.core.run.RunDirectory;
import org.harl.core.run.RunOptions;
import org.harl.core.run.RunResult;

/**
 * Runs a sweep's planned runs into {@code sweepsRoot/<sweep>/<setting>/seed<n>}: completed runs are skipped,
 * interrupted ones resumed, each finished run is evaluated once (linear + kNN), and the sweep's results table is
 * rewritten after every run so that an interrupted sweep still leaves one. Runs go one after the other: DJL lets
 * one gradient collector train at a time in a JVM, so parallel runs need separate processes (several {@code harl
 * sweep --seeds …} on disjoint seeds, or {@code --spark} on a cluster).
 */
public final class SweepRunner {

    private final ExperimentRunner runner;
    private final RunEvaluator evaluator;
    private final Predicate<Path> hasCheckpoint;
    private final Path sweepsRoot;
    private final Consumer<String> log;
    private final RunRecords records;
    private final String baseline;

    public SweepRunner(ExperimentRunner runner, RunEvaluator evaluator, Predicate<Path> hasCheckpoint,
                       Path sweepsRoot, Consumer<String> log) {
        this(runner, evaluator, hasCheckpoint, sweepsRoot, log, RunRecords.NONE, null);
    }

    /**
     * @param records  where finished runs are recorded and looked up ({@link RunRecords#NONE}: nowhere)
     * @param baseline the setting results.md pairs the others with, or null
     */
    public SweepRunner(ExperimentRunner runner, RunEvaluator evaluator, Predicate<Path> hasCheckpoint,
                       Path sweepsRoot, Consumer<String> log, RunRecords records, String baseline) {
        this.runner = runner;
        this.evaluator = evaluator;
        this.hasCheckpoint = hasCheckpoint;
        this.sweepsRoot = sweepsRoot;
        this.log = log;
        this.records = records;
        this.baseline = baseline;
    }

    /** The directory of a sweep's results. */
    public Path sweepDir(String sweep) {
        return sweepsRoot.resolve(sweep);
    }

    public List<RunOutcome> run(String sweep, List<PlannedRun> plan) {
        return run(sweep, plan, p -> true);
    }

    /**
     * Runs the selected runs of a plan. The results tables still list every run of the plan: one not selected
     * appears with what its directory holds ({@code completed}, or {@code not_run}).
     */
    public List<RunOutcome> run(String sweep, List<PlannedRun> plan, Predicate<PlannedRun> selected) {
        List<PlannedRun> chosen = plan.stream().filter(selected).toList();
        List<RunOutcome> ran = new ArrayList<>();
        for (int i = 0; i < chosen.size(); i++) {
            ran.add(runOne(sweep, chosen.get(i), i, chosen.size()));
            writeResults(sweep, plan, chosen, ran);
        }
        return ran;
    }

    /**
     * Rewrites the sweep's results tables: every run of {@code plan}, with the outcomes {@code ran} of the runs
     * {@code chosen} (same order), the others as found on disk. For callers that run the runs one by one elsewhere.
     */
    public void writeResults(String sweep, List<PlannedRun> plan, List<PlannedRun> chosen, List<RunOutcome> ran) {
        List<RunOutcome> rows = table(plan, chosen, ran);
        new SweepResultFiles(sweepDir(sweep)).write(rows, baseline);
        if (records.enabled()) { // the committed folder carries the table of what is recorded
            new SweepResultFiles(records.dir()).write(rows, baseline);
        }
    }

    /** Every run of the plan in plan order: the outcomes of this invocation, the others as found on disk. */
    private List<RunOutcome> table(List<PlannedRun> plan, List<PlannedRun> chosen, List<RunOutcome> ran) {
        List<RunOutcome> rows = new ArrayList<>();
        for (PlannedRun p : plan) {
            int i = chosen.indexOf(p);
            if (i >= 0 && i < ran.size()) {
                rows.add(ran.get(i));
            } else { // not selected, or not reached yet: what its directory holds
                Path dir = sweepsRoot.resolve(p.run().name());
                boolean done = RunProgress.of(dir, hasCheckpoint) == RunProgress.COMPLETE
                        && new RunDirectory(dir).hasConfigOf(p.config());
                Optional<RunRecords.Found> recorded = done ? Optional.empty() : recordOf(p);
                if (recorded.isPresent()) {
                    rows.add(new RunOutcome(p.run(), dir, "completed", recorded.get().summary(), null));
                    continue;
                }
                rows.add(new RunOutcome(p.run(), dir, done ? "completed" : "not_run",
                        done ? new RunDirectory(dir).summary() : Map.of(), null));
            }
        }
        return rows;
    }

    /**
     * Runs one planned run (skipped when complete, resumed when interrupted) and evaluates it; never throws: a
     * failure is the outcome's status. Writes no results table. {@code index} and {@code total} only label the log.
     */
    public RunOutcome runOne(String sweep, PlannedRun planned, int index, int total) {
        ExpandedRun run = planned.run();
        Path dir = sweepsRoot.resolve(run.name());
        RunDirectory runDir = new RunDirectory(dir);
        String prefix = "[" + (index + 1) + "/" + total + "] " + run.name() + ": ";
        try {
            RunProgress state = RunProgress.of(dir, hasCheckpoint);
            if (state != RunProgress.COMPLETE) {
                Optional<RunOutcome> recorded = fromRecord(planned, dir, prefix);
                if (recorded.isPresent()) {
                    return recorded.get();
                }
            }
            boolean completed;
            if (state == RunProgress.COMPLETE) {
                if (!runDir.hasConfigOf(planned.config())) {
                    throw new IllegalStateException("the completed run in " + dir + " was trained with another "
                            + "config (its config.yaml differs from this sweep's); delete it to retrain, or change "
                            + "the sweep's name");
                }
                log.accept(prefix + "already complete, skipped");
                completed = true;
            } else {
                log.accept(prefix + (state == RunProgress.INTERRUPTED ? "resuming" : "starting"));
                RunResult result = runner.run(planned.config(),
                        new RunOptions(sweepsRoot, state == RunProgress.INTERRUPTED, sweep, true));
                completed = result.completed();
                Map<String, Object> record = new java.util.LinkedHashMap<>(result.summary());
                record.put(RunDirectory.COMPLETED, completed); // what decides skip/resume on the next invocation
                record.putIfAbsent(RunDirectory.EPOCHS, planned.config().training().epochs());
                runDir.mergeSummary(record);
            }
            Map<String, Object> summary = runDir.summary();
            Map<String, Object> found = summary;
            List<String> missing = SweepEvaluations.missingWithRandomInit(run.evaluations(), found);
            boolean evaluatedNow = completed && !missing.isEmpty();
            if (evaluatedNow) { // only what the run lacks: adding one to a sweep redoes none
                log.accept(prefix + "evaluating (" + String.join(", ", missing) + ")");
                try {
                    summary = runDir.mergeSummary(evaluator.evaluate(dir, missing));
                } catch (Exception e) { // the training result stands; the next sweep invocation retries
                    String message = messageOf(e);
                    log.accept(prefix + "EVALUATION FAILED: " + message);
                    return new RunOutcome(run, dir, "eval_failed", summary, message);
                }
            }
            if (completed && records.enabled() && (state != RunProgress.COMPLETE || evaluatedNow
                    || !java.nio.file.Files.exists(records.file(run)))) {
                log.accept(prefix + "recorded in " + records.write(planned, summary));
            }
            log.accept(prefix + (completed ? "completed" : "incomplete"));
            return new RunOutcome(run, dir, completed ? "completed" : "incomplete", summary, null);
        } catch (Exception e) {
            String message = messageOf(e);
            log.accept(prefix + "FAILED: " + message);
            return new RunOutcome(run, dir, "failed", runDir.summary(), message);
        }
    }

    /** The outcome of a run from its matching record, unless the record lacks an evaluation the sweep asks for. */
    private Optional<RunOutcome> fromRecord(PlannedRun planned, Path dir, String prefix) {
        Optional<RunRecords.Found> recorded = records.find(planned);
        if (recorded.isEmpty()) {
            return Optional.empty();
        }
        RunRecords.Found found = recorded.get();
        List<String> lacking = SweepEvaluations.missing(planned.run().evaluations(), found.summary());
        if (!lacking.isEmpty()) {
            log.accept(prefix + "its record lacks " + String.join(", ", lacking) + ", which need the trained "
                    + "encoder: training it again");
            return Optional.empty();
        }
        log.accept(prefix + "recorded in " + found.file() + ", not retrained" + (found.uncompared().isEmpty() ? ""
                : " (keys in one config only, not compared: " + String.join(", ", found.uncompared()) + ")"));
        return Optional.of(new RunOutcome(planned.run(), dir, "completed", found.summary(), null));
    }

    /** A matching record of a run not on disk; a mismatching record counts as none here (runOne reports it). */
    private Optional<RunRecords.Found> recordOf(PlannedRun p) {
        try {
            return records.find(p);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String messageOf(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
