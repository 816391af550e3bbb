package org.harl.core.train;

import org.harl.core.config.ExperimentConfig;
import org.harl.core.config.TrainingConfig;

/**
 * A run's schedules by global batch index {@code g} (0-based over all epochs): an optimizer step ends every
 * {@code accumulate} batches and after the last one; learning rate and EMA momentum tau follow the optimizer step
 * ({@link Schedules}); training progress {@code g / total} drives the loss's branch weights.
 */
public final class TrainingSchedule {

    private final int stepsPerEpoch;
    private final long totalBatches;
    private final int accumulate;
    private final Schedules schedules;

    TrainingSchedule(int stepsPerEpoch, int epochs, int accumulate, Schedules schedules) {
        if (stepsPerEpoch < 1 || epochs < 1 || accumulate < 1) {
            throw new IllegalArgumentException("steps per epoch, epochs and accumulate must be >= 1, got "
                    + stepsPerEpoch + ", " + epochs + ", " + accumulate);
        }
        this.stepsPerEpoch = stepsPerEpoch;
        this.totalBatches = (long) stepsPerEpoch * epochs;
        this.accumulate = accumulate;
        this.schedules = schedules;
    }

    /**
     * The schedules of {@code experiment} over {@code stepsPerEpoch} batches an epoch: peak lr = base_lr x effective
     * batch / 256, warmup of {@code warmup_epochs} in optimizer steps, cosine to {@code final_lr_fraction}.
     */
    public static TrainingSchedule of(ExperimentConfig experiment, int stepsPerEpoch) {
        TrainingConfig tc = experiment.training();
        long total = (long) stepsPerEpoch * tc.epochs();
        int acc = tc.accumulate();
        long optimizerSteps = (total + acc - 1) / acc;
        long warmup = Math.round(experiment.optimizer().warmupEpochs() * stepsPerEpoch / acc);
        double peak = experiment.optimizer().baseLr() * tc.batchSize() * acc / 256.0;
        return new TrainingSchedule(stepsPerEpoch, tc.epochs(), acc, new Schedules(peak, warmup, optimizerSteps,
                experiment.optimizer().finalLrFraction(), tc.tauBase(), tc.tauFinal()));
    }

    public long totalBatches() {
        return totalBatches;
    }

    /** The epoch batch {@code g} belongs to. */
    public int epochOf(long g) {
        return (int) (g / stepsPerEpoch);
    }

    /** Where in {@code epoch} a run that has trained {@code done} batches continues (0 for later epochs). */
    public int firstBatchIn(int epoch, long done) {
        return epoch == epochOf(done) ? (int) (done % stepsPerEpoch) : 0;
    }

    /** Whether the optimizer updates the weights after batch {@code g}. */
    public boolean endsOptimizerStep(long g) {
        return (g + 1) % accumulate == 0 || g + 1 == totalBatches;
    }

    /** Learning rate of the optimizer step batch {@code g} belongs to. */
    public double lr(long g) {
        return schedules.lr(g / accumulate);
    }

    /** EMA momentum applied when the optimizer step batch {@code g} belongs to ends. */
    public double tau(long g) {
        return schedules.tau(g / accumulate + 1);
    }

    /** Training progress in [0, 1) at batch {@code g}: what the loss's branch weights are scheduled on. */
    public double progress(long g) {
        return (double) g / totalBatches;
    }

    /** Factor on each batch's loss, so that accumulated gradients average over the optimizer step's batches. */
    public double lossScale() {
        return 1.0 / accumulate;
    }
}
