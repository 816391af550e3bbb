package org.harl.cli.bench;

import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.harl.core.config.ComponentBinder;
import org.harl.core.config.ExperimentConfig;
import org.harl.core.config.ExperimentLoader;
import org.harl.core.config.HeadsConfig;
import org.harl.core.registry.PluginContexts;
import org.harl.core.train.StepListener;
import org.harl.core.train.TrainStepBenchmark;
import org.harl.spi.ComponentKind;
import org.harl.spi.PluginContext;
import org.harl.spi.backbone.Backbone;
import org.harl.spi.loss.SslLoss;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code harl bench memory}: resident memory over many full training steps, on one fixed batch or (--loop) through
 * the real training loop. The first {@code --settle} steps are excluded (JVM heap growth and allocator arenas);
 * from then to {@code --steps} RSS must stay within the tolerance.
 */
@Command(name = "memory", mixinStandardHelpOptions = true,
        description = "Process RSS over many HARL/BYOL training steps; fails when it drifts beyond --tolerance.")
public final class BenchMemoryCommand implements Callable<Integer> {

    @Option(names = "--arch", defaultValue = "tiny_resnet", description = "backbone (default ${DEFAULT-VALUE})")
    String arch;

    @Option(names = "--method", defaultValue = "harl", description = "byol or harl (default ${DEFAULT-VALUE})")
    String method;

    @Option(names = "--size", defaultValue = "32", description = "view side in pixels (default ${DEFAULT-VALUE})")
    int size;

    @Option(names = "--batch", defaultValue = "32", description = "images per step (default ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--steps", defaultValue = "1000", description = "steps in all (default ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--settle", defaultValue = "100", description = "steps before the baseline (default ${DEFAULT-VALUE})")
    int settle;

    @Option(names = "--every", defaultValue = "100", description = "print RSS every N steps (default ${DEFAULT-VALUE})")
    int every;

    @Option(names = "--loop", description = "measure through the real training loop (dataset, augmentation "
            + "workers, DRFI masks behind the mask cache, batch loader, optimizer, EMA, checkpoints) on a tiny HARL "
            + "experiment instead of the fixed-batch step; --arch, --method, --size and --batch then do not apply")
    boolean loop;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "with --loop: override a value of the loop's "
            + "experiment (repeatable)")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--tolerance", defaultValue = "0.05", description = "allowed relative drift (default ${DEFAULT-VALUE})")
    double tolerance;

    @Spec
    CommandSpec spec;

    private final ComponentBinder binder;
    private final PluginContexts contexts;
    private final ExperimentLoader loader;

    @Inject
    public BenchMemoryCommand(ComponentBinder binder, PluginContexts contexts, ExperimentLoader loader) {
        this.binder = binder;
        this.contexts = contexts;
        this.loader = loader;
    }

    @Override
    public Integer call() throws Exception {
        if (settle < 1 || settle >= steps || every < 1) {
            throw new IllegalArgumentException("need 1 <= --settle < --steps and --every >= 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        long[] baseline = {0};
        long[] range = {Long.MAX_VALUE, 0};
        StepListener sampler = (step, r, n) -> {
            int done = (int) step + 1;
            if (done < settle || done > steps) {
                return;
            }
            long rss = rssKib();
            if (done == settle) {
                baseline[0] = rss;
            }
            range[0] = Math.min(range[0], rss);
            range[1] = Math.max(range[1], rss);
            if (done % every == 0 || done == settle) {
                out.printf("step %d rss_mib %.1f drift %+.2f%%%n", done, rss / 1024.0, 100.0 * (rss - baseline[0])
                        / baseline[0]);
                out.flush();
            }
        };
        if (loop) {
            runLoop(sampler, out);
        } else {
            PluginContext ctx = contexts.forTool(0, Path.of("."));
            Backbone backbone = contexts.create(binder.bind(ComponentKind.BACKBONE, arch, List.of("stem=small")), ctx,
                    Backbone.class);
            SslLoss loss = contexts.create(binder.bind(ComponentKind.LOSS, method, List.of()), ctx, SslLoss.class);
            TrainStepBenchmark.run(backbone, loss, HeadsConfig.defaults(), size, batch, 0, steps, 0, sampler);
        }
        double low = 100.0 * (range[0] - baseline[0]) / baseline[0];
        double high = 100.0 * (range[1] - baseline[0]) / baseline[0];
        boolean ok = Math.max(-low, high) <= 100 * tolerance;
        out.printf("%s: rss from step %d to %d within [%+.2f%%, %+.2f%%] of %.1f MiB (tolerance ±%.1f%%)%n",
                ok ? "ok" : "FAIL", settle, steps, low, high, baseline[0] / 1024.0, 100 * tolerance);
        out.flush();
        return ok ? 0 : 1;
    }

    /** Trains the --loop experiment through the real loop for at least --steps steps, in a temporary folder. */
    private void runLoop(StepListener sampler, PrintWriter out) throws Exception {
        Path dir = Files.createTempDirectory("harl-bench-memory");
        try {
            Path yaml = Files.writeString(dir.resolve("memory-loop.yaml"), LoopMemory.EXPERIMENT);
            int perEpoch = Math.min(every, steps);
            List<String> sets = new ArrayList<>(List.of("training.steps_per_epoch=" + perEpoch,
                    "training.epochs=" + ((steps + perEpoch - 1) / perEpoch)));
            sets.addAll(overrides);
            ExperimentConfig exp = loader.load(yaml, sets);
            out.printf("training loop: %s, loss %s, masks %s, batch %d, %d steps per epoch (a checkpoint each)%n",
                    exp.backbone().type(), exp.loss().type(), exp.maskProposer().map(m -> m.type()).orElse("none"),
                    exp.training().batchSize(), exp.training().stepsPerEpoch());
            out.flush();
            long trained = LoopMemory.run(exp, contexts, dir.resolve("runs"), sampler);
            if (trained < steps) {
                throw new IllegalStateException("the loop trained " + trained + " steps, fewer than --steps " + steps
                        + " (check the --set overrides)");
            }
        } finally {
            try (var walk = Files.walk(dir)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** VmRSS of this process from /proc (Linux). */
    static long rssKib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/self/status: " + e.getMessage(), e);
        }
        throw new IllegalStateException("no VmRSS line in /proc/self/status (Linux only)");
    }
}
