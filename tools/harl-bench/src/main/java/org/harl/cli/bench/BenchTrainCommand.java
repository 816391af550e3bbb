package org.harl.cli.bench;

import ai.djl.pytorch.jni.JniUtils;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.harl.core.config.ComponentBinder;
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
 * {@code harl bench train}: images/s of full BYOL and HARL pretraining steps on random inputs (ResNet-18 with the
 * small-image stem, 32 px, batch 32 by default), optionally against the PyTorch reference script in the same
 * command, printing the ratio Java / PyTorch. Both sides run the same warm-up steps and report the median of the
 * same number of timed steps.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Images/s of BYOL and HARL training steps on random inputs; --reference compares with PyTorch.")
public final class BenchTrainCommand implements Callable<Integer> {

    static final String SCRIPT = RepositoryFiles.PYTORCH_SSL_STEP;
    private static final Pattern REFERENCE_LINE = Pattern.compile(
            "^pytorch (\\w+) .*warmup=(\\d+) steps=(\\d+) median_step_s=([0-9.]+) images_per_s=([0-9.]+)");

    @Option(names = "--arch", defaultValue = "resnet18", description = "resnet18, resnet50 (heads 4096/256/4096), or "
            + "tiny_resnet as in the CPU-scale recipe (widths 16/32/64/128, heads 512/128/512; the reference builds "
            + "the encoder of tools/calibration/byol_budget.py) (default ${DEFAULT-VALUE})")
    String arch;

    /** The CPU-scale recipe's tiny encoder and heads (experiments/_base/cpu_synthobj.yaml). */
    static final String TINY = "tiny_resnet";

    @Option(names = "--size", defaultValue = "32", description = "view side in pixels (default ${DEFAULT-VALUE})")
    int size;

    @Option(names = "--batch", defaultValue = "32", description = "images per step (default ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--steps", defaultValue = "10", description = "timed steps (default ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--warmup", defaultValue = "2", description = "untimed first steps (default ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--threads", defaultValue = "2",
            description = "PyTorch intra-op threads, for both sides (default ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--methods", defaultValue = "byol,harl", split = ",", description = "byol and/or harl")
    List<String> methods;

    @Option(names = "--reference", description = "also run the repository's " + SCRIPT + " with the same "
            + "settings, warm-up and timed steps, and print Java / PyTorch")
    boolean reference;

    @Option(names = "--profile", paramLabel = "DIR", description = "write a PyTorch profiler trace of the timed steps "
            + "per method to DIR/java-<method>.json (chrome://tracing format; timings include profiling overhead); "
            + "with --reference the reference writes DIR/pytorch-<method>.json, for "
            + "tools/reference/compare_profiles.py")
    Path profile;

    @Option(names = "--python", defaultValue = "/usr/bin/python3", description = "Python with torch and torchvision")
    String python;

    @Spec
    CommandSpec spec;

    private final ComponentBinder binder;
    private final PluginContexts contexts;

    @Inject
    public BenchTrainCommand(ComponentBinder binder, PluginContexts contexts) {
        this.binder = binder;
        this.contexts = contexts;
    }

    /** Process counters at the start of the timed steps ([0]) and after the last one ([1]). */
    private StepListener counters(ProcessCounters[] window) {
        if (warmup == 0) {
            window[0] = ProcessCounters.now();
        }
        return (step, result, nets) -> {
            if (step == warmup - 1) {
                window[0] = ProcessCounters.now();
            } else if (step == warmup + steps - 1) {
                window[1] = ProcessCounters.now();
            }
        };
    }

    /** Starts the PyTorch profiler after the warm-up steps and writes its trace after the last step. */
    private StepListener profiler(String method) throws java.io.IOException {
        if (profile == null) {
            return StepListener.NONE;
        }
        Files.createDirectories(profile);
        String file = profile.resolve("java-" + method + ".json").toString();
        if (warmup == 0) {
            JniUtils.startProfile(false, true, false);
        }
        return (step, result, nets) -> {
            if (step == warmup - 1) {
                JniUtils.startProfile(false, true, false);
            } else if (step == warmup + steps - 1) {
                JniUtils.stopProfile(file);
                spec.commandLine().getOut().println("profile: " + file);
            }
        };
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (System.getProperty("ai.djl.pytorch.num_threads") == null) {
            System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads)); // before the engine starts
        }
        if (steps < 1 || warmup < 0) {
            throw new IllegalArgumentException("--steps must be >= 1 and --warmup >= 0, got " + steps + " and "
                    + warmup);
        }
        for (String m : methods) {
            if (!m.equals("byol") && !m.equals("harl")) {
                throw new IllegalArgumentException("--methods: unknown method '" + m + "' (byol, harl)");
            }
        }
        Optional<Path> script = reference ? Optional.of(RepositoryFiles.require(SCRIPT, "--reference"))
                : Optional.empty();
        PluginContext ctx = contexts.forTool(0, Path.of("."));
        String stem = size <= 64 ? "small" : "imagenet";
        List<String> options = new ArrayList<>(List.of("stem=" + stem));
        if (arch.equals(TINY)) {
            options.addAll(List.of("widths=[16, 32, 64, 128]", "blocks_per_stage=1"));
        }
        Backbone backbone = contexts.create(binder.bind(ComponentKind.BACKBONE, arch, options), ctx, Backbone.class);
        HeadsConfig heads = arch.equals(TINY) ? new HeadsConfig(512, 128, 512) : HeadsConfig.defaults();
        out.printf("training steps: %d warm-up, then median of %d timed steps per method%s%n", warmup, steps,
                script.isPresent() ? " (Java and PyTorch alike)" : "");
        Map<String, Double> java = new LinkedHashMap<>();
        for (String m : methods) {
            SslLoss loss = contexts.create(binder.bind(ComponentKind.LOSS, m, List.of()), ctx, SslLoss.class);
            ProcessCounters[] window = new ProcessCounters[2];
            TrainStepBenchmark.Result r = TrainStepBenchmark.run(backbone, loss, heads, size, batch,
                    warmup, steps, 0, StepListener.all(List.of(counters(window), profiler(m))));
            java.put(m, r.imagesPerSecond());
            ProcessCounters used = window[1].minus(window[0]);
            out.printf("java %s arch=%s size=%d batch=%d threads=%s median_step_s=%.4f images_per_s=%.2f "
                    + "cpu_s_per_step=%.3f sys_s_per_step=%.3f minflt_per_step=%d%n", m, arch, size, batch,
                    System.getProperty("ai.djl.pytorch.num_threads"), r.medianStepSeconds(), r.imagesPerSecond(),
                    (used.userSeconds() + used.systemSeconds()) / steps, used.systemSeconds() / steps,
                    used.minorFaults() / steps);
            out.flush();
        }
        if (script.isPresent()) {
            Map<String, Double> torch = runReference(script.get(), out);
            for (String m : methods) {
                Double t = torch.get(m);
                if (t == null) {
                    throw new IllegalStateException("the reference printed no result for " + m);
                }
                out.printf("ratio %s java/pytorch = %.2f%n", m, java.get(m) / t);
            }
        }
        out.flush();
        return 0;
    }

    /** The reference's command line: every setting the Java side used, warm-up and timed steps included. */
    List<String> referenceCommand(Path script) {
        List<String> cmd = new ArrayList<>(List.of(python, script.toString(), "--arch", arch, "--size",
                Integer.toString(size), "--batch", Integer.toString(batch), "--warmup", Integer.toString(warmup),
                "--steps", Integer.toString(steps), "--threads", Integer.toString(threads), "--methods",
                String.join(",", methods)));
        if (profile != null) {
            cmd.addAll(List.of("--profile", profile.toString()));
        }
        return cmd;
    }

    private Map<String, Double> runReference(Path script, PrintWriter out) throws Exception {
        List<String> cmd = referenceCommand(script);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        Map<String, Double> result = new LinkedHashMap<>();
        StringBuilder all = new StringBuilder();
        int code;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                all.append(line).append('\n');
                Matcher m = REFERENCE_LINE.matcher(line);
                if (m.find()) {
                    out.println(line);
                    out.flush();
                    if (Integer.parseInt(m.group(2)) != warmup || Integer.parseInt(m.group(3)) != steps) {
                        throw new IllegalStateException("the reference ran " + m.group(2) + " warm-up and "
                                + m.group(3) + " timed steps, not " + warmup + " and " + steps + ": " + line);
                    }
                    result.put(m.group(1), Double.parseDouble(m.group(5)));
                }
            }
            code = p.waitFor();
        } finally {
            p.destroy(); // still running only when a line above was rejected
        }
        if (code != 0) {
            throw new IllegalStateException("reference " + String.join(" ", cmd) + " exited with " + code
                    + " (needs: apt-get install -y python3-torch python3-torchvision):\n" + all.toString().strip());
        }
        return result;
    }
}
