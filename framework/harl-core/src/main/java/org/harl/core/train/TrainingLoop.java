package org.harl.core.train;

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
import org.harl.core.train.PhaseTimes.Phase;
import org.harl.core.train.optim.Optimizers;
import org.harl.core.train.optim.StatefulOptimizer;
import org.harl.spi.backbone.Backbone;
import org.harl.spi.loss.SslLoss;
import org.harl.spi.track.RunInfo;
import org.harl.spi.track.Tracker;

/**
 * Pretrains one experiment from assembled parts: one metrics row per batch, optimizer steps, lr and tau as
 * {@link TrainingSchedule} says, checkpoints as {@link CheckpointPolicy} says, the kNN monitor every
 * {@code knn_every} epochs and at the end, then the {@link RunSummary}.
 */
public final class TrainingLoop {

    private final ExperimentConfig experiment;
    private final Backbone backbone;
    private final SslLoss loss;
    private final PairBatchSource data;
    private final int side;
    private final Optional<TrainingMonitor> knn;
    private final List<Tracker> trackers;
    private final List<StepListener> listeners = new ArrayList<>();

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

    /** Adds a listener called at every step; returns this loop. */
    public TrainingLoop addListener(StepListener listener) {
        listeners.add(Objects.requireNonNull(listener));
        return this;
    }

    public RunResult run(RunOptions options) throws IOException {
        TrainingConfig tc = experiment.training();
        Devices devices = Devices.forTraining(tc);
        RunDirectory run = RunDirectory.of(experiment, options);
        CheckpointPolicy checkpoints = new CheckpointPolicy(new Checkpoints(run), tc.checkpointEvery(),
                (long) data.stepsPerEpoch() * tc.epochs(), experiment.seed());
        Optional<Path> resumeFrom = checkpoints.resumePoint(options.resume(), run.path());
        run.writeOrCheckConfig(experiment, options.resume()); // RunLauncher already did for CLI runs
        if (!options.resume()) {
            run.clearSummary(); // left by an attempt killed before its first checkpoint
        }
        TrainingSchedule schedule = TrainingSchedule.of(experiment, data.stepsPerEpoch());
        try (RunTrackers tracked = new RunTrackers(trackers);
             SslNetworks nets = new SslNetworks(backbone, experiment.heads(), side, experiment.seed(),
                     devices.primary())) {
            StatefulOptimizer opt = Optimizers.create(experiment.optimizer(), nets.biasAndNormNames());
            long start = 0;
            if (resumeFrom.isPresent()) {
                start = checkpoints.resume(resumeFrom.get(), nets, opt);
                log("resuming " + experiment.name() + " from step " + start + " (" + resumeFrom.get() + ")", options);
            }
            tracked.start(new RunInfo(experiment.name(), run.path(), options.group(), experiment.resolved(),
                    options.resume(), start, schedule.totalBatches()));
            try {
                RunSummary summary = new RunSummary();
                PhaseTimes times = new PhaseTimes();
                if (knn.isPresent() && experiment.monitor().atStart() && start == 0) {
                    summary.knn(0, times.time(Phase.MONITOR, () -> monitor(run, tracked, nets, 0, 0)));
                }
                long done = train(run, tracked, nets, devices, opt, schedule, checkpoints, summary, times, start);
                times.run(Phase.CHECKPOINT, () -> tracked.checkpoint(checkpoints.save(done, nets, opt)));
                if (knn.isPresent()) {
                    summary.knn(tc.epochs(),
                            times.time(Phase.MONITOR, () -> monitor(run, tracked, nets, tc.epochs(), done)));
                }
                Map<String, Object> values = summary.completed(done, checkpoints.trainedSeconds(),
                        checkpoints.attemptSeconds(), checkpoints.resumedAt(), times.summary(), data.counters(),
                        EmptyMaskCheck.summarise(experiment.name(), data.counters(), tc.maxEmptyMaskShare()),
                        checkpoints.last());
                run.mergeSummary(values);
                tracked.summary(values);
                tracked.finish(0);
                return new RunResult(run.path(), true, values);
            } catch (RuntimeException | Error e) {
                tracked.finish(1);
                throw e;
            }
        }
    }

    /** Trains every batch from {@code start} on; returns the batches trained in all. */
    private long train(RunDirectory run, RunTrackers tracked, SslNetworks nets, Devices devices, StatefulOptimizer opt,
                       TrainingSchedule schedule, CheckpointPolicy checkpoints, RunSummary summary,
                       PhaseTimes times, long start) {
        StepListener listener = StepListener.all(listeners);
        DataParallelStep step = new DataParallelStep(nets, loss, devices, listener);
        OptimizerUpdate update = new OptimizerUpdate(nets, opt);
        StepMetrics metrics = new StepMetrics(loss, experiment.training().batchSize());
        int epochs = experiment.training().epochs();
        long g = start;
        for (int epoch = schedule.epochOf(start); epoch < epochs; epoch++) {
            Iterator<PairBatch> it = data.epoch(epoch, schedule.firstBatchIn(epoch, start));
            int ep = epoch;
            boolean more = times.time(Phase.DATA_WAIT, it::hasNext);
            while (more) {
                PairBatch batch = times.time(Phase.DATA_WAIT, it::next);
                long at = g;
                boolean stepEnded = schedule.endsOptimizerStep(g);
                StepResult r = times.time(Phase.STEP, () -> {
                    StepResult res = step.run(batch, schedule.progress(at), schedule.lossScale());
                    stopIfNonFinite(res, at, ep, checkpoints.last());
                    if (stepEnded) {
                        update.apply(schedule.lr(at), schedule.tau(at));
                    }
                    summary.countEmptyMasks(res.emptyMasks());
                    // rows are indexed by the 0-based batch index (RunInfo.startStep is the first one logged)
                    tracked.log(at, metrics.row(at, ep, res, schedule));
                    return res;
                });
                more = times.time(Phase.DATA_WAIT, it::hasNext);
                if (checkpoints.due(g + 1, stepEnded, !more)) {
                    times.run(Phase.CHECKPOINT, () -> tracked.checkpoint(checkpoints.save(at + 1, nets, opt)));
                }
                listener.onStepEnd(g, r, nets);
                g++;
            }
            int every = experiment.monitor().knnEvery();
            if (knn.isPresent() && every > 0 && (epoch + 1) % every == 0 && epoch + 1 < epochs) {
                long done = g;
                times.time(Phase.MONITOR, () -> monitor(run, tracked, nets, ep + 1, done));
            }
        }
        return g;
    }

    private static void stopIfNonFinite(StepResult r, long g, int epoch, String lastCheckpoint) {
        String bad = r.firstNonFinite();
        if (bad != null) {
            double v = bad.equals("loss") ? r.loss() : r.terms().get(bad.substring("loss_".length()));
            throw new NonFiniteLossException(g, epoch, bad, v, lastCheckpoint);
        }
    }

    /** Scores the encoder after {@code epoch} epochs ({@code done} batches), logs it and adds it to the summary. */
    private double monitor(RunDirectory run, RunTrackers tracked, SslNetworks nets, int epoch, long done) {
        TrainingMonitor m = knn.orElseThrow();
        double acc = m.score(new EncoderFeatures(nets)::features);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("epoch", epoch);
        row.put(RunSummary.KNN_TOP1, acc);
        tracked.log(Math.max(0, done - 1), row); // the step of the epoch's last batch
        Map<String, Object> value = Map.of(RunSummary.knnKey(epoch), acc);
        run.mergeSummary(value);
        tracked.summary(value);
        System.out.printf("[%s] epoch %d: kNN top-1 %.2f %% (%s)%n", experiment.name(), epoch, 100 * acc,
                m.describe());
        return acc;
    }

    private static void log(String message, RunOptions options) {
        if (!options.quiet()) {
            System.out.println(message);
        }
    }
}
