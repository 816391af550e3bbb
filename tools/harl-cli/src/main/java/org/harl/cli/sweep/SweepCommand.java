package org.harl.cli.sweep;

import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.harl.core.run.RunDirectory;
import org.harl.core.run.RunLauncher;
import org.harl.core.sweep.PlannedRun;
import org.harl.core.sweep.RunEvaluator;
import org.harl.core.sweep.RunOutcome;
import org.harl.core.sweep.RunReuse;
import org.harl.core.sweep.RunProgress;
import org.harl.core.sweep.SweepPlanner;
import org.harl.core.sweep.SweepResultFiles;
import org.harl.core.sweep.SweepRunner;
import org.harl.core.train.Checkpoints;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code harl sweep FILE}: expand, validate and run an ablation's runs, then tabulate them. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Run every setting x seed of an ablation file into SWEEPS_DIR/<sweep>/<setting>/seed<n>,",
            "skipping completed runs and resuming interrupted ones; evaluates each run (linear probe, kNN) and",
            "writes SWEEPS_DIR/<sweep>/results.csv and results.md. All runs are validated before the first starts."})
public final class SweepCommand implements Callable<Integer> {

    private final SweepPlanner planner;
    private final RunLauncher launcher;
    private final RunEvaluator evaluator;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "ablation YAML file (with a sweep: section)")
    Path file;

    @Option(names = "--dry-run", description = "validate every run and list them; run nothing")
    boolean dryRun;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "1",
            description = "runs at the same time (default: ${DEFAULT-VALUE}); each uses training.threads cores")
    int parallel;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "override a value in every run, e.g. --set training.epochs=1 (repeatable)")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--sweeps-dir", paramLabel = "DIR", defaultValue = "sweeps",
            description = "parent of sweep directories (default: ${DEFAULT-VALUE})")
    Path sweepsDir;

    @Option(names = "--no-eval", description = "skip the linear and kNN evaluation after each run")
    boolean noEval;

    @Option(names = "--only", split = ",", paramLabel = "SETTING",
            description = "run only these settings (comma-separated names as --dry-run lists them)")
    List<String> only = new ArrayList<>();

    @Option(names = "--seeds", split = ",", paramLabel = "SEED",
            description = "run only these seeds of the sweep (comma-separated)")
    List<Long> seeds = new ArrayList<>();

    @Option(names = "--reuse-from", paramLabel = "DIR",
            description = "copy a completed run found under DIR (another sweep's directory, or a runs directory of "
                    + "`harl run`) whose config equals a planned run's but for its name, instead of training it "
                    + "again (repeatable)")
    List<Path> reuseFrom = new ArrayList<>();

    @Inject
    public SweepCommand(SweepPlanner planner, RunLauncher launcher, RunEvaluator evaluator) {
        this.planner = planner;
        this.launcher = launcher;
        this.evaluator = evaluator;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        String sweep = SweepPlanner.sweepName(file);
        List<PlannedRun> all = planner.plan(file, overrides);
        List<PlannedRun> plan = select(all);
        long settings = plan.stream().map(p -> p.run().setting()).distinct().count();
        out.printf("sweep %s (%s): %d runs = %d settings, all valid%s%n", sweep, file, plan.size(), settings,
                only.isEmpty() && seeds.isEmpty() ? "" : " (selected with --only/--seeds)");
        Predicate<Path> hasCheckpoint = dir -> new Checkpoints(dir).latest().isPresent();
        RunReuse reuse = new RunReuse(reuseFrom, hasCheckpoint);
        for (PlannedRun p : plan) {
            Path dir = sweepsDir.resolve(p.run().name());
            RunProgress state = RunProgress.of(dir, hasCheckpoint);
            Optional<Path> source = state == RunProgress.NEW && !Files.exists(dir) ? reuse.find(p.config())
                    : Optional.empty();
            if (dryRun) {
                boolean stale = state != RunProgress.NEW && !new RunDirectory(dir).hasConfigOf(p.config());
                out.printf("  %-60s %s%n", dir, state.name().toLowerCase()
                        + (stale ? " (with another config: delete it to rerun)" : "")
                        + source.map(s -> " (would reuse " + s + ")").orElse(""));
            } else if (source.isPresent()) {
                RunReuse.copy(source.get(), dir, p.config());
                out.printf("%s: reused %s (same config)%n", p.run().name(), source.get());
            }
        }
        if (dryRun) {
            out.flush();
            return 0;
        }
        RunEvaluator eval = noEval ? RunEvaluator.NONE : evaluator;
        out.flush();
        SweepRunner runner = new SweepRunner(launcher::launch, eval, hasCheckpoint, sweepsDir, parallel, line -> {
            synchronized (out) {
                out.println(line);
                out.flush();
            }
        });
        List<RunOutcome> outcomes = runner.run(sweep, all, plan::contains);
        SweepResultFiles results = new SweepResultFiles(runner.sweepDir(sweep));
        long done = outcomes.stream().filter(o -> o.status().equals("completed")).count();
        out.printf("%d/%d runs completed; results: %s, %s%n", done, outcomes.size(), results.csv(),
                results.markdown());
        out.flush();
        return done == outcomes.size() ? 0 : 1;
    }

    /** The runs --only and --seeds select; an unknown setting or seed is an error listing the valid ones. */
    private List<PlannedRun> select(List<PlannedRun> plan) {
        List<String> settingNames = plan.stream().map(p -> p.run().setting()).distinct().toList();
        List<Long> seedValues = plan.stream().map(p -> p.run().seed()).distinct().toList();
        for (String s : only) {
            if (!settingNames.contains(s)) {
                throw new IllegalArgumentException("--only: no setting '" + s + "' in " + file + "; settings: "
                        + String.join(", ", settingNames));
            }
        }
        for (Long s : seeds) {
            if (!seedValues.contains(s)) {
                throw new IllegalArgumentException("--seeds: seed " + s + " is not in " + file + "; seeds: "
                        + seedValues);
            }
        }
        return plan.stream().filter(p -> only.isEmpty() || only.contains(p.run().setting()))
                .filter(p -> seeds.isEmpty() || seeds.contains(p.run().seed())).toList();
    }
}
