package org.harl.core.config;

import org.harl.spi.config.Doc;
import org.harl.spi.config.InvalidConfigException;

/** The {@code training:} section. */
public record TrainingConfig(
        @Doc("number of epochs") int epochs,
        @Doc("images per step (each image gives two views)") int batchSize,
        @Doc("steps per epoch; 0 = training split size / batch_size") int stepsPerEpoch,
        @Doc("gradient accumulation: optimizer steps every N batches") int accumulate,
        @Doc("EMA momentum at step 0 (cosine schedule to tau_final)") double tauBase,
        @Doc("EMA momentum at the last step") double tauFinal,
        @Doc("data loading worker threads") int workers,
        @Doc("batches prepared ahead of the trainer") int prefetch,
        @Doc("write a checkpoint every N steps (and at each epoch end); 0 = epoch ends only") int checkpointEvery,
        @Doc("intra-op threads for PyTorch; 0 = number of cores") int threads,
        @Doc("warn (log, and empty_mask_warning in summary.json) when more than this share of the proposed masks "
                + "is empty; 1 = never") double maxEmptyMaskShare,
        @Doc("where the run's arrays live: auto (every visible GPU, else cpu), cpu, gpu (every GPU), gpu:N, or a list "
                + "[gpu:0, gpu:1] (data-parallel over several GPUs; see docs/devices.md)") DeviceSpec device) {

    /** Masks empty in more than half of the images usually mean a broken or mis-set proposer. */
    public static final double DEFAULT_MAX_EMPTY_MASK_SHARE = 0.5;

    public TrainingConfig {
        InvalidConfigException.check(epochs >= 1, "epochs", "must be >= 1, got " + epochs);
        InvalidConfigException.check(batchSize >= 2, "batch_size", "must be >= 2 (batch norm), got " + batchSize);
        InvalidConfigException.check(stepsPerEpoch >= 0, "steps_per_epoch", "must be >= 0, got " + stepsPerEpoch);
        InvalidConfigException.check(accumulate >= 1, "accumulate", "must be >= 1, got " + accumulate);
        InvalidConfigException.check(tauBase >= 0 && tauBase <= 1, "tau_base", "must be in [0, 1], got " + tauBase);
        InvalidConfigException.check(tauFinal >= tauBase && tauFinal <= 1, "tau_final",
                "must be in [tau_base, 1], got " + tauFinal);
        InvalidConfigException.check(workers >= 1, "workers", "must be >= 1, got " + workers);
        InvalidConfigException.check(prefetch >= 1, "prefetch", "must be >= 1, got " + prefetch);
        InvalidConfigException.check(checkpointEvery >= 0, "checkpoint_every", "must be >= 0");
        InvalidConfigException.check(threads >= 0, "threads", "must be >= 0");
        InvalidConfigException.check(maxEmptyMaskShare >= 0 && maxEmptyMaskShare <= 1, "max_empty_mask_share",
                "must be in [0, 1], got " + maxEmptyMaskShare);
        InvalidConfigException.check(device != null, "device", "must be set (auto, cpu, gpu, gpu:N or a list)");
    }

    /** The settings with the default {@code max_empty_mask_share} and {@code device: auto}. */
    public TrainingConfig(int epochs, int batchSize, int stepsPerEpoch, int accumulate, double tauBase,
                          double tauFinal, int workers, int prefetch, int checkpointEvery, int threads) {
        this(epochs, batchSize, stepsPerEpoch, accumulate, tauBase, tauFinal, workers, prefetch, checkpointEvery,
                threads, DEFAULT_MAX_EMPTY_MASK_SHARE);
    }

    /** The settings with {@code device: auto}. */
    public TrainingConfig(int epochs, int batchSize, int stepsPerEpoch, int accumulate, double tauBase,
                          double tauFinal, int workers, int prefetch, int checkpointEvery, int threads,
                          double maxEmptyMaskShare) {
        this(epochs, batchSize, stepsPerEpoch, accumulate, tauBase, tauFinal, workers, prefetch, checkpointEvery,
                threads, maxEmptyMaskShare, DeviceSpec.auto());
    }

    /** These settings on other devices. */
    public TrainingConfig withDevice(DeviceSpec newDevice) {
        return new TrainingConfig(epochs, batchSize, stepsPerEpoch, accumulate, tauBase, tauFinal, workers, prefetch,
                checkpointEvery, threads, maxEmptyMaskShare, newDevice);
    }

    public static TrainingConfig defaults() {
        return new TrainingConfig(10, 32, 0, 1, 0.99, 1.0, 2, 4, 0, 0);
    }
}
