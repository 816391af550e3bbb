package org.harl.plugins.trackers.console;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.LongSupplier;
import org.harl.spi.ComponentFactory;
import org.harl.spi.ComponentKind;
import org.harl.spi.track.RunInfo;
import org.harl.spi.track.Tracker;

/**
 * Prints a run's progress. On a terminal one line is redrawn in place ({@code \r}); otherwise (log files) a full
 * line is printed every {@code line_every_s}. Throughput comes from the metric {@code images_per_s} when the trainer
 * logs it, else from steps/s times {@code training.batch_size} of the config.
 */
public final class ConsoleTracker implements Tracker {

    /** Registers the {@code console} tracker. */
    public static final ComponentFactory<ConsoleConfig, Tracker> FACTORY = ComponentFactory.of(ComponentKind.TRACKER,
            "console", "progress line with ETA, loss and images/s", ConsoleConfig.class, ConsoleConfig.defaults(),
            (config, context) -> new ConsoleTracker(config, System.out, System.console() != null, System::nanoTime));

    private final ConsoleConfig config;
    private final PrintStream out;
    private final boolean terminal;
    private final LongSupplier nanos;

    private long totalSteps;
    private long startStep;
    private long startNanos;
    private long lastDrawNanos = Long.MIN_VALUE;
    private long lastStep;
    private long lastDrawnStep = -1;
    private double loss = Double.NaN;
    private double imagesPerS = Double.NaN;
    private int batchSize;
    private boolean lineOpen;

    public ConsoleTracker(ConsoleConfig config, PrintStream out, boolean terminal, LongSupplier nanos) {
        this.config = config;
        this.out = out;
        this.terminal = terminal;
        this.nanos = nanos;
    }

    @Override
    public synchronized void start(RunInfo run) {
        totalSteps = run.totalSteps();
        startStep = run.startStep();
        lastStep = startStep;
        startNanos = nanos.getAsLong();
        batchSize = batchSize(run.config());
        out.println("run " + run.name() + (run.resumed() ? " (resumed at step " + run.startStep() + ")" : "")
                + " -> " + run.directory() + (run.group() != null ? " [group " + run.group() + "]" : ""));
        out.flush();
    }

    private static int batchSize(Map<String, Object> config) {
        if (config != null && config.get("training") instanceof Map<?, ?> training
                && training.get("batch_size") instanceof Number n) {
            return n.intValue();
        }
        return 0;
    }

    @Override
    public synchronized void log(long step, Map<String, Object> metrics) {
        lastStep = Math.max(lastStep, step);
        Object l = config.lossKey().isEmpty() ? findLoss(metrics) : metrics.get(config.lossKey());
        if (l instanceof Number n) {
            loss = n.doubleValue();
        }
        if (metrics.get("images_per_s") instanceof Number n) {
            imagesPerS = n.doubleValue();
        }
        if (config.quiet()) {
            return;
        }
        long now = nanos.getAsLong();
        double every = terminal ? config.refreshS() : config.lineEveryS();
        if (lastDrawNanos == Long.MIN_VALUE || (now - lastDrawNanos) / 1e9 >= every || step + 1 >= totalSteps) {
            draw(now);
        }
    }

    private static Object findLoss(Map<String, Object> metrics) {
        Object loss = metrics.get("loss");
        if (loss != null) {
            return loss;
        }
        for (Map.Entry<String, Object> e : metrics.entrySet()) {
            if (e.getKey().startsWith("loss")) {
                return e.getValue();
            }
        }
        return null;
    }

    private void draw(long now) {
        lastDrawNanos = now;
        lastDrawnStep = lastStep;
        double elapsed = (now - startNanos) / 1e9;
        long doneHere = lastStep - startStep + 1;
        double stepsPerS = elapsed > 0 ? doneHere / elapsed : Double.NaN;
        double throughput = !Double.isNaN(imagesPerS) ? imagesPerS
                : batchSize > 0 && Double.isFinite(stepsPerS) ? stepsPerS * batchSize : Double.NaN;
        double eta = totalSteps > 0 && Double.isFinite(stepsPerS) && stepsPerS > 0
                ? (totalSteps - lastStep - 1) / stepsPerS : -1;
        String line = ProgressLine.render(lastStep + 1, totalSteps, loss, throughput, eta);
        if (terminal) {
            out.print("\r" + line + "\u001b[K");
            lineOpen = true;
        } else {
            out.println(line);
        }
        out.flush();
    }

    private void endLine() {
        if (lineOpen) {
            out.println();
            lineOpen = false;
        }
    }

    @Override
    public synchronized void logImage(long step, String key, Path png, String caption) {
        if (!config.quiet() && !terminal) {
            out.println("image " + key + " at step " + step + ": " + png);
        }
    }

    @Override
    public synchronized void summary(Map<String, Object> values) {
        endLine();
        StringBuilder sb = new StringBuilder("summary:");
        values.forEach((k, v) -> sb.append(' ').append(k).append('=')
                .append(v instanceof Number n && !(v instanceof Long || v instanceof Integer)
                        ? ProgressLine.formatNumber(n.doubleValue()) : String.valueOf(v)));
        out.println(sb);
        out.flush();
    }

    @Override
    public synchronized void finish(int exitCode) {
        if (!config.quiet() && lastDrawNanos != Long.MIN_VALUE && lastDrawnStep != lastStep) {
            draw(nanos.getAsLong());
        }
        endLine();
        double elapsed = (nanos.getAsLong() - startNanos) / 1e9;
        out.println((exitCode == 0 ? "finished" : "failed (exit code " + exitCode + ")") + " after "
                + ProgressLine.duration(elapsed));
        out.flush();
    }
}
