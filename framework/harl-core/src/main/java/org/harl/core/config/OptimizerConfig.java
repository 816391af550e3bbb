package org.harl.core.config;

import org.harl.spi.config.Doc;
import org.harl.spi.config.InvalidConfigException;

/** The {@code optimizer:} section. lr = base_lr * batch_size / 256, linear warmup then cosine, per iteration. */
public record OptimizerConfig(
        @Doc("lars, sgd or adamw") OptimizerType type,
        @Doc("learning rate for a batch of 256 (scaled linearly with batch_size)") double baseLr,
        @Doc("weight decay (not applied to biases and batch-norm parameters)") double weightDecay,
        @Doc("momentum (lars, sgd)") double momentum,
        @Doc("LARS trust coefficient") double eta,
        @Doc("linear warmup length in epochs (may be fractional)") double warmupEpochs,
        @Doc("final learning rate as a fraction of the peak") double finalLrFraction,
        @Doc("exclude biases and batch-norm parameters from weight decay and the LARS trust ratio")
        boolean excludeBiasAndNorm) {

    public OptimizerConfig {
        InvalidConfigException.check(type != null, "type", "is required (lars, sgd or adamw)");
        InvalidConfigException.check(baseLr > 0, "base_lr", "must be > 0, got " + baseLr);
        InvalidConfigException.check(weightDecay >= 0, "weight_decay", "must be >= 0, got " + weightDecay);
        InvalidConfigException.check(momentum >= 0 && momentum < 1, "momentum", "must be in [0, 1), got " + momentum);
        InvalidConfigException.check(eta > 0, "eta", "must be > 0, got " + eta);
        InvalidConfigException.check(warmupEpochs >= 0, "warmup_epochs", "must be >= 0, got " + warmupEpochs);
        InvalidConfigException.check(finalLrFraction >= 0 && finalLrFraction <= 1, "final_lr_fraction",
                "must be in [0, 1], got " + finalLrFraction);
    }

    public static OptimizerConfig defaults() {
        return new OptimizerConfig(OptimizerType.LARS, 0.3, 1e-6, 0.9, 1e-3, 1, 0, true);
    }

    /** Optimizers the trainer implements. */
    public enum OptimizerType { LARS, SGD, ADAMW }
}
