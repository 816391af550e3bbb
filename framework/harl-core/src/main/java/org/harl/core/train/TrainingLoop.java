package org.harl.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.harl.core.config.ExperimentConfig;
import org.harl.core.config.TrainingConfig;
import org.harl.core.data.PairBatch;
import org.harl.core.data.PairBatchSource;
import org.harl.core.masks.EmptyMaskCheck;
import org.harl.core.run.RunDirectory;
import org.harl.core.run.RunOptions;
import org.harl.core.run.RunResult;
import org.harl.core.train.optim.Optimizers;
import org.harl.core.train.optim.StatefulOptimizer;
import org.harl.spi.backbone.Backbone;
import org.harl.spi.loss.SslLoss;
import org.harl.spi.track.RunInfo;
import org.harl.spi.track.Tracker;

/**
 * Pretrains one experiment from assembled parts: optimizer steps every {@code accumulate} batches, lr and tau
 * stepped per optimizer step, one metrics row per batch, checkpoints every {@code checkpoint_every} steps and at
 * epoch ends, the kNN monitor every {@code knn_every} epochs and at the end.
 */
public final class TrainingLoop {

    private final ExperimentConfig experiment;
    private final Backbone backbone;
    private final SslLoss loss;
    private final PairBatchSource data;
    private final int side;
    private final Optional<TrainingMonitor> knn;
    private final List<Tracker> trackers;
    private long haltAfter = Long.MAX_VALUE;
    private java.util.function.ObjLongConsumer<SslNetworks> afterStep = (nets, step) -> { };

    /**
     * @param side    view side (the augmentation's output size)
     * @param knn     the kNN monitor; empty to skip it
     */
    public TrainingLoop(ExperimentConfig experiment, Backbone backbone, SslLoss loss, PairBatchSource data, int side,
                        Optional<TrainingMonitor> knn, List<Tracker> trackers) {
        this.experiment = Objects.requireNonNull(experiment);
        this.backbone = backbone;
        this.loss = loss;
        this.data = data;
        this.side = side;
        this.knn = knn;
        this.trackers = List.copyOf(trackers);
    }

    /**
     * Abandons the run right after global step {@code steps} without a final checkpoint or monitor, as if the process
     * had been killed (tests of resume).
     */
    public TrainingLoop haltAfter(long steps) {
        this.haltAfter = steps;
        return this;
    }

    /** Called after every step with the networks and the global step (tests: leak checks). */
    TrainingLoop afterStep(java.util.function.ObjLongConsumer<SslNetworks> listener) {
        this.afterStep = listener;
        return this;
    }

    public RunResult run(RunOptions options) throws IOException {
        TrainingConfig tc = experiment.training();
        Devices devices = Devices.forTraining(tc);
        RunDirectory run = RunDirectory.of(experiment, options);
        Path runDir = run.path();
        Checkpoints checkpoints = new Checkpoints(run);
        Optional<Path> resumeFrom = checkpoints.latest();
        if (options.resume() && resumeFrom.isEmpty()) {
            throw new IllegalStateException("cannot resume: no checkpoint in " + checkpoints.directory());
        }
        if (!options.resume() && resumeFrom.isPresent()) {
            throw new IllegalStateException("run directory " + runDir + " already holds checkpoints: pass --resume to "
                    + "continue it, or give the experiment another name");
        }
        run.writeOrCheckConfig(experiment, options.resume()); // RunLauncher already did for CLI runs
        if (!options.resume()) {
            run.clearSummary(); // left by an attempt killed before its first checkpoint
        }
        int spe = data.stepsPerEpoch();
        long total = (long) spe * tc.epochs();
        int acc = tc.accumulate();
        long optSteps = (total + acc - 1) / acc;
        long warmup = Math.round(experiment.optimizer().warmupEpochs() * spe / acc);
        double peak = experiment.optimizer().baseLr() * tc.batchSize() * acc / 256.0;
        Schedules sched = new Schedules(peak, warmup, optSteps, experiment.optimizer().finalLrFraction(),
                tc.tauBase(), tc.tauFinal());
        long started = System.nanoTime();
        try (SslNetworks nets = new SslNetworks(backbone, experiment.heads(), side, experiment.seed(),
                devices.primary())) {
            StatefulOptimizer opt = Optimizers.create(experiment.optimizer(), nets.biasAndNormNames());
            long start = 0;
            String lastCheckpoint = "none";
            if (options.resume()) {
                Checkpoints.Position p = Checkpoints.load(resumeFrom.get(), nets, opt);
                start = p.globalStep();
                lastCheckpoint = resumeFrom.get().toString();
                log("resuming " + experiment.name() + " from step " + start + " (" + resumeFrom.get() + ")", options);
            }
            RunInfo info = new RunInfo(experiment.name(), runDir, options.group(), experiment.resolved(),
                    options.resume(), start, total);
            trackers.forEach(t -> t.start(info));
            DataParallelStep step = new DataParallelStep(nets, loss, devices);
            Map<String, Parameter> params = nets.trainable();
            Throughput throughput = new Throughput(tc.batchSize());
            Map<String, Long> emptyTotals = new LinkedHashMap<>();
            Map<String, Object> summary = new LinkedHashMap<>();
            long g = start;
            try {
                if (knn.isPresent() && experiment.monitor().atStart() && start == 0) {
                    summary.put("knn_top1_init", monitor(run, nets, 0, 0));
                }
                for (int epoch = (int) (start / spe); epoch < tc.epochs(); epoch++) {
                    Iterator<PairBatch> it = data.epoch(epoch, epoch == start / spe ? (int) (start % spe) : 0);
                    while (it.hasNext()) {
                        PairBatch batch = it.next();
                        long k = g / acc;
                        StepResult r = step.run(batch, (double) g / total, 1.0 / acc);
                        String bad = r.firstNonFinite();
                        if (bad != null) {
                            double v = bad.equals("loss") ? r.loss() : r.terms().get(bad.substring(5));
                            throw new NonFiniteLossException(g, epoch, bad, v, lastCheckpoint);
                        }
                        boolean boundary = (g + 1) % acc == 0 || g + 1 == total;
                        double lr = sched.lr(k);
                        if (boundary) {
                            opt.setLearningRate((float) lr);
                            for (Map.Entry<String, Parameter> e : params.entrySet()) {
                                NDArray w = e.getValue().getArray();
                                try (NDArray grad = w.getGradient()) {
                                    opt.update(e.getKey(), w, grad);
                                }
                            }
                            opt.endStep();
                            nets.updateTarget(sched.tau(k + 1));
                        }
                        r.emptyMasks().forEach((b, n) -> emptyTotals.merge(b, n, Long::sum));
                        // rows are indexed by the 0-based batch index (RunInfo.startStep is the first one logged)
                        Map<String, Object> row = metrics(g, epoch, r, lr, sched.tau(k + 1), (double) g / total,
                                throughput.tick());
                        final long logged = g;
                        trackers.forEach(t -> t.log(logged, row));
                        g++;
                        boolean epochEnd = !it.hasNext();
                        boolean due = tc.checkpointEvery() > 0 && g % tc.checkpointEvery() == 0;
                        if (boundary && (due || epochEnd) && g < total) {
                            lastCheckpoint = save(checkpoints, g, nets, opt);
                        }
                        afterStep.accept(nets, g);
                        if (g >= haltAfter) {
                            return new RunResult(runDir, false, summary);
                        }
                    }
                    int every = experiment.monitor().knnEvery();
                    if (knn.isPresent() && every > 0 && (epoch + 1) % every == 0 && epoch + 1 < tc.epochs()) {
                        monitor(run, nets, epoch + 1, g);
                    }
                }
                lastCheckpoint = save(checkpoints, g, nets, opt);
                if (knn.isPresent()) {
                    summary.put("knn_top1", monitor(run, nets, tc.epochs(), g));
                }
                summary.put("steps", g);
                summary.put("wall_s", (System.nanoTime() - started) / 1e9);
                emptyTotals.forEach((b, n) -> summary.put("empty_" + b + "_total", n));
                data.counters().forEach((key, n) -> summary.put("data_" + key, n));
                summary.putAll(EmptyMaskCheck.summarise(experiment.name(), data.counters(), tc.maxEmptyMaskShare()));
                summary.put("checkpoint", lastCheckpoint);
                // what `harl sweep` (skip, --reuse-from) reads to tell a finished run from an interrupted one
                summary.put(RunDirectory.COMPLETED, true);
                run.mergeSummary(summary);
                trackers.forEach(t -> t.summary(summary));
                trackers.forEach(t -> t.finish(0));
                return new RunResult(runDir, true, summary);
            } catch (RuntimeException | Error e) {
                trackers.forEach(t -> t.finish(1));
                throw e;
            }
        } finally {
            trackers.forEach(Tracker::close);
        }
    }

    private String save(Checkpoints checkpoints, long g, SslNetworks nets, StatefulOptimizer opt) {
        Path file = checkpoints.save(new Checkpoints.Position(g, experiment.seed()), nets, opt);
        trackers.forEach(t -> t.saveFile(file, "checkpoint"));
        return file.toString();
    }

    private Map<String, Object> metrics(long g, int epoch, StepResult r, double lr, double tau, double progress,
                                        double imagesPerSecond) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("step", g);
        row.put("epoch", epoch);
        row.put("loss", r.loss());
        r.terms().forEach((b, v) -> row.put("loss_" + b, v));
        row.put("lr", lr);
        row.put("tau", tau);
        loss.scheduleValues(progress).forEach(row::put);
        row.put("images_per_s", imagesPerSecond);
        r.emptyMasks().forEach((b, n) -> row.put("empty_" + b, n));
        return row;
    }

    private double monitor(RunDirectory run, SslNetworks nets, int epoch, long g) {
        TrainingMonitor m = knn.orElseThrow();
        double acc = m.score(new EncoderFeatures(nets)::features);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("epoch", epoch);
        row.put("knn_top1", acc);
        trackers.forEach(t -> t.log(Math.max(0, g - 1), row)); // the step of the epoch's last batch
        // epoch 0 is the untrained encoder: its own summary key, so a killed run never reports it as the result
        Map<String, Object> value = Map.of(epoch == 0 ? "knn_top1_init" : "knn_top1", acc);
        run.mergeSummary(value);
        trackers.forEach(t -> t.summary(value));
        System.out.printf("[%s] epoch %d: kNN top-1 %.2f %% (%s)%n", experiment.name(), epoch, 100 * acc,
                m.describe());
        return acc;
    }

    private static void log(String message, RunOptions options) {
        if (!options.quiet()) {
            System.out.println(message);
        }
    }

    /** Images per second over the last few steps (data waits included). */
    private static final class Throughput {
        private final int batch;
        private final long[] times = new long[11];
        private int n;

        Throughput(int batch) {
            this.batch = batch;
        }

        double tick() {
            long now = System.nanoTime();
            times[n % times.length] = now;
            n++;
            int window = Math.min(n, times.length) - 1;
            if (window < 1) {
                return 0;
            }
            long oldest = times[(n - 1 - window) % times.length];
            return batch * window / ((now - oldest) / 1e9);
        }
    }

}
