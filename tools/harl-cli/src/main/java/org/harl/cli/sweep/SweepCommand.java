package org.harl.cli.sweep;

import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.harl.cli.spark.SparkBackend;
import org.harl.cli.spark.SparkOptions;
import org.harl.cli.spark.SparkSettings;
import org.harl.core.jobs.SweepJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code harl sweep FILE}: expand, validate and run an ablation's runs, then tabulate them ({@link SweepJob}). */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Run every setting x seed of an ablation file into SWEEPS_DIR/<sweep>/<setting>/seed<n>,",
            "skipping completed runs and resuming interrupted ones; evaluates each run (linear probe, kNN) and",
            "writes SWEEPS_DIR/<sweep>/results.csv and results.md. All runs are validated before the first starts.",
            "With --spark each run is one Spark task; SWEEPS_DIR must then be storage every executor shares."})
public final class SweepCommand implements Callable<Integer> {

    private final SweepJob job;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "ablation YAML file (with a sweep: section)")
    Path file;

    @Option(names = "--dry-run", description = "validate every run and list them; run nothing")
    boolean dryRun;

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

    @Option(names = "--record", paramLabel = "DIR",
            description = "record each finished run's results (config, SHA-256, metrics, wall time) under DIR/runs, "
                    + "and count runs recorded there as done; default: the file's sweep.record, if any")
    Path record;

    @Mixin
    SparkOptions sparkOptions = new SparkOptions();

    @Inject
    public SweepCommand(SweepJob job) {
        this.job = job;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Optional<SparkSettings> spark = sparkOptions.settings();
        SweepJob.Request request = new SweepJob.Request(file, overrides, sweepsDir, only, seeds, reuseFrom, !noEval,
                record);
        SweepJob.Plan plan = job.plan(request);
        out.printf("sweep %s (%s): %d runs = %d settings, all valid%s%n", plan.sweep(), file, plan.selected().size(),
                plan.settings(), only.isEmpty() && seeds.isEmpty() ? "" : " (selected with --only/--seeds)");
        if (dryRun) {
            for (SweepJob.RunState s : job.classify(request, plan)) {
                out.printf("  %-60s %s%n", s.dir(), s.progress().name().toLowerCase()
                        + (s.otherConfig() ? " (with another config: delete it to rerun)" : "")
                        + s.reusable().map(r -> " (would reuse " + r + ")").orElse("")
                        + s.record().map(r -> " (" + r + ")").orElse(""));
            }
            out.flush();
            return 0;
        }
        out.flush();
        java.util.function.Consumer<String> log = line -> {
            synchronized (out) {
                out.println(line);
                out.flush();
            }
        };
        SweepJob.Result result = spark.isEmpty() ? job.run(request, plan, log)
                : SparkBackend.load().sweep(spark.get(), job, request, plan, log);
        out.printf("%d/%d runs completed; results: %s, %s%s%n", result.completed(), result.outcomes().size(),
                result.csv(), result.markdown(), plan.records().enabled() ? "; records: " + plan.records().dir() : "");
        out.flush();
        return result.completed() == result.outcomes().size() ? 0 : 1;
    }
}
