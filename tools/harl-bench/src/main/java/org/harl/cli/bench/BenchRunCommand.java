package org.harl.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import org.harl.cli.data.DatasetExporter;
import org.harl.core.config.ExperimentConfig;
import org.harl.core.config.ExperimentLoader;
import org.harl.core.registry.PluginContexts;
import org.harl.core.run.RunLauncher;
import org.harl.core.run.RunOptions;
import org.harl.core.run.RunResult;
import org.harl.spi.data.DatasetSource;
import org.harl.spi.data.Split;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code harl bench run}: end-to-end images/s of a {@code harl run} (data loading, augmentation, masks, the kNN
 * monitor and checkpoints included: steps x batch / the run summary's {@code wall_s}), optionally against the
 * plain-PyTorch re-implementation of the CPU-scale BYOL recipe, {@code tools/calibration/byol_budget.py --device
 * cpu}, on the same exported data, budget and threads, printing the ratio Java / PyTorch. The reference's time is
 * its training loop (its batched augmentation included) and its final kNN score, not the untrained one. A second
 * ratio compares the training loops alone: Java's step and data-wait phases (the summary's {@code time_*_s})
 * against the reference's {@code train_seconds}.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "End-to-end images/s of a harl run; --reference compares with the plain-PyTorch recipe.")
public final class BenchRunCommand implements Callable<Integer> {

    static final String BUDGET_SCRIPT = "tools/calibration/byol_budget.py";
    static final String PACK_SCRIPT = "tools/calibration/pack_export.py";
    static final String CALIBRATED = "experiments/byol_tinyresnet_256-coslr-24e_synthobj.yaml";

    @Option(names = "--experiment", paramLabel = "FILE", description = "experiment YAML (default: the calibrated "
            + "BYOL recipe, " + CALIBRATED + ", found under the repository root)")
    Path experiment;

    @Option(names = "--epochs", defaultValue = "2", description = "epochs to train (default ${DEFAULT-VALUE})")
    int epochs;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "further experiment override (repeatable)")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--reference", description = "also train the same budget with " + BUDGET_SCRIPT
            + " --device cpu on the experiment's data, exported, and print Java / PyTorch")
    boolean reference;

    @Option(names = "--repeat", defaultValue = "1", description = "Java and reference runs, alternating, each pair "
            + "printing its ratios; from 2 on, also the median and range of the pairs' ratios, since a shared "
            + "machine's speed drifts between runs (default ${DEFAULT-VALUE})")
    int repeat;

    @Option(names = "--variant", defaultValue = "bs256", description = "byol_budget.py variant matching the "
            + "experiment (default ${DEFAULT-VALUE}: batch 256, LARS base lr 2.0, the calibrated recipe)")
    String variant;

    @Option(names = "--work", paramLabel = "DIR", description = "run directory and exported data (default: a new "
            + "temporary folder, deleted afterwards)")
    Path work;

    @Option(names = "--python", defaultValue = "/usr/bin/python3", description = "Python with torch and numpy")
    String python;

    @Spec
    CommandSpec spec;

    private final ExperimentLoader loader;
    private final RunLauncher launcher;
    private final PluginContexts contexts;

    @Inject
    public BenchRunCommand(ExperimentLoader loader, RunLauncher launcher, PluginContexts contexts) {
        this.loader = loader;
        this.launcher = launcher;
        this.contexts = contexts;
    }

    @Override
    public Integer call() throws Exception {
        if (epochs < 1 || repeat < 1) {
            throw new IllegalArgumentException("--epochs and --repeat must be >= 1, got " + epochs + " and " + repeat);
        }
        PrintWriter out = spec.commandLine().getOut();
        Path file = experiment != null ? experiment : RepositoryFiles.require(CALIBRATED, "--experiment");
        Path dir = work != null ? Files.createDirectories(work) : Files.createTempDirectory("harl-bench-run");
        try {
            List<String> sets = new ArrayList<>(List.of("training.epochs=" + epochs, "monitor.final_probe=false"));
            sets.addAll(overrides);
            ExperimentConfig exp = loader.load(file, sets);
            int batch = exp.training().batchSize();
            int threads = exp.training().threads() > 0 ? exp.training().threads()
                    : Runtime.getRuntime().availableProcessors();
            Path npz = reference ? exportData(exp, threads, dir, out) : null;
            List<Double> ratios = new ArrayList<>();
            List<Double> loopRatios = new ArrayList<>();
            for (int round = 1; round <= repeat; round++) {
                if (repeat > 1) {
                    out.printf("== round %d of %d%n", round, repeat);
                }
                RunResult r = launcher.launch(exp, new RunOptions(dir.resolve(repeat > 1 ? "runs" + round : "runs"),
                        false, null, true));
                if (!r.completed()) {
                    throw new IllegalStateException("the run in " + r.directory() + " did not complete");
                }
                long steps = ((Number) r.summary().get("steps")).longValue();
                double wall = ((Number) r.summary().get("wall_s")).doubleValue();
                double java = steps * batch / wall;
                out.printf("java %s epochs=%d steps=%d batch=%d threads=%d wall_s=%.1f images_per_s=%.1f%n",
                        exp.name(), epochs, steps, batch, threads, wall, java);
                double loop = seconds(r, "time_step_s") + seconds(r, "time_data_wait_s");
                out.printf("java phases: data_wait_s=%.1f step_s=%.1f monitor_s=%.1f checkpoint_s=%.1f; training "
                                + "loop (steps + data wait) images_per_s=%.1f%n", seconds(r, "time_data_wait_s"),
                        seconds(r, "time_step_s"), seconds(r, "time_monitor_s"), seconds(r, "time_checkpoint_s"),
                        steps * batch / loop);
                out.flush();
                if (reference) {
                    Reference torch = runReference(exp, npz, dir.resolve("reference" + round + ".jsonl"), steps,
                            batch, threads, out);
                    ratios.add(java / torch.imagesPerSecond());
                    loopRatios.add(steps * batch / loop / torch.loopImagesPerSecond());
                    out.printf("ratio java/pytorch = %.2f (end to end); %.2f (training loop alone)%n",
                            ratios.get(ratios.size() - 1), loopRatios.get(loopRatios.size() - 1));
                }
                out.flush();
            }
            if (ratios.size() > 1) {
                out.printf("over %d alternating pairs: ratio java/pytorch median %.2f (range %.2f-%.2f) end to end; "
                                + "median %.2f (range %.2f-%.2f) training loop alone%n", ratios.size(),
                        median(ratios), Collections.min(ratios), Collections.max(ratios), median(loopRatios),
                        Collections.min(loopRatios), Collections.max(loopRatios));
            }
            out.flush();
            return 0;
        } finally {
            if (work == null) {
                deleteTree(dir);
            }
        }
    }

    private static double seconds(RunResult r, String key) {
        Object v = r.summary().get(key);
        if (!(v instanceof Number n)) {
            throw new IllegalStateException("the run summary has no " + key + ": " + r.summary().keySet());
        }
        return n.doubleValue();
    }

    /**
     * The reference's images/s end to end (training loop and its final kNN score) and for its training loop alone
     * (batched augmentation included).
     */
    record Reference(double imagesPerSecond, double loopImagesPerSecond) {
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** Exports the experiment's train and test splits and packs them for the reference; returns the pack. */
    private Path exportData(ExperimentConfig exp, int threads, Path dir, PrintWriter out) throws Exception {
        Path pack = RepositoryFiles.require(PACK_SCRIPT, "--reference");
        Path npz = dir.resolve("data.npz");
        try (DatasetSource ds = contexts.create(exp.dataset(), contexts.forExperiment(exp, java.util.Optional.empty()),
                DatasetSource.class)) {
            DatasetExporter exporter = new DatasetExporter(new PrintWriter(PrintWriter.nullWriter()));
            for (Split s : List.of(Split.TRAIN, Split.TEST)) {
                exporter.export(ds, s, 0, dir.resolve("export").resolve(s.name().toLowerCase()), "png", threads);
            }
        }
        Processes.run(List.of(python, pack.toString(), "--train", dir.resolve("export/train").toString(), "--test",
                dir.resolve("export/test").toString(), "--out", npz.toString()), out, false);
        return npz;
    }

    /** Trains {@code steps x batch} images with the reference on the packed data. */
    private Reference runReference(ExperimentConfig exp, Path npz, Path rows, long steps, int batch, int threads,
                                   PrintWriter out) throws Exception {
        Path budget = RepositoryFiles.require(BUDGET_SCRIPT, "--reference");
        List<String> cmd = referenceCommand(budget, npz, rows, steps * batch, exp.seed(), threads);
        Processes.run(cmd, out, true);
        JsonNode row = new ObjectMapper().readTree(Files.readAllLines(rows).get(0));
        long refSteps = row.get("steps").asLong();
        double seconds = row.get("seconds").asDouble();
        double loopSeconds = row.get("train_seconds").asDouble();
        if (refSteps != steps) {
            throw new IllegalStateException("the reference trained " + refSteps + " steps, the Java run " + steps
                    + " (does --variant " + variant + " have the experiment's batch size " + batch + "?): " + row);
        }
        Reference ref = new Reference(steps * batch / seconds, steps * batch / loopSeconds);
        out.printf("pytorch %s variant=%s steps=%d batch=%d threads=%d torch=%s seconds=%.1f images_per_s=%.1f "
                        + "train_seconds=%.1f training loop images_per_s=%.1f%n", exp.name(), variant, refSteps,
                batch, threads, row.get("torch").asText(), seconds, ref.imagesPerSecond(), loopSeconds,
                ref.loopImagesPerSecond());
        out.flush();
        return ref;
    }

    List<String> referenceCommand(Path script, Path npz, Path rows, long images, long seed, int threads) {
        return List.of(python, script.toString(), "--data", npz.toString(), "--budgets", Long.toString(images),
                "--variants", variant, "--seeds", Long.toString(seed), "--device", "cpu", "--threads",
                Integer.toString(threads), "--out", rows.toString());
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
