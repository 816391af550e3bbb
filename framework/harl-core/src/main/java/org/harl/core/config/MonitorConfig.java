package org.harl.core.config;

import org.harl.spi.config.Doc;
import org.harl.spi.config.InvalidConfigException;

/**
 * The {@code monitor:} section: kNN accuracy on a labelled split during and after training, and the final probe of
 * the trained against the untrained encoder.
 */
public record MonitorConfig(
        @Doc("run the kNN monitor every N epochs (0 = only at the end)") int knnEvery,
        @Doc("neighbours") int k,
        @Doc("temperature of the weighted vote") double temperature,
        @Doc("labelled training images in the memory bank (0 = the whole train split)") int bankSize,
        @Doc("test images scored (0 = the whole test split)") int testSize,
        @Doc("also score the untrained encoder before the first step (epoch 0; summary key knn_top1_init): the "
                + "random-initialisation baseline of the same seed") boolean atStart,
        @Doc("after training, score the linear probe and kNN of the trained encoder against the untrained one of "
                + "the same seed (summary keys final_probe_*)") boolean finalProbe,
        @Doc("labelled training images the final probe fits on") int probeTrainSize,
        @Doc("held-out test images the final probe scores") int probeTestSize) {

    public MonitorConfig {
        InvalidConfigException.check(knnEvery >= 0, "knn_every", "must be >= 0");
        InvalidConfigException.check(k >= 1, "k", "must be >= 1");
        InvalidConfigException.check(temperature > 0, "temperature", "must be > 0");
        InvalidConfigException.check(bankSize >= 0, "bank_size", "must be >= 0");
        InvalidConfigException.check(testSize >= 0, "test_size", "must be >= 0");
        InvalidConfigException.check(probeTrainSize >= 1, "probe_train_size", "must be >= 1");
        InvalidConfigException.check(probeTestSize >= 1, "probe_test_size", "must be >= 1");
    }

    /** The monitor with the default final probe. */
    public MonitorConfig(int knnEvery, int k, double temperature, int bankSize, int testSize, boolean atStart) {
        this(knnEvery, k, temperature, bankSize, testSize, atStart, true, DEFAULT_PROBE_TRAIN, DEFAULT_PROBE_TEST);
    }

    // a few thousand images, so that the probe takes seconds
    private static final int DEFAULT_PROBE_TRAIN = 2000;
    private static final int DEFAULT_PROBE_TEST = 1000;

    public static MonitorConfig defaults() {
        return new MonitorConfig(0, 20, 0.07, 0, 0, false);
    }
}
