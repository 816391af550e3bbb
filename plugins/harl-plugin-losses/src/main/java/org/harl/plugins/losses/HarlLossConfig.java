package org.harl.plugins.losses;

import org.harl.spi.config.Doc;
import org.harl.spi.config.InvalidConfigException;

/**
 * Config of the {@code harl} loss. Official variants: MNCL.sh = {@code alpha: 1, beta: {type: cosine, from: 0.6,
 * to: 0}}; TensorFlow = {@code beta: 0.5, alpha: {type: steps, values: [0.5, 0.7, 0.9], at: [0.7, 0.9]}};
 * BYOL = {@code beta: 1} (or the {@code byol} loss).
 */
public record HarlLossConfig(
        @Doc("foreground share of the object terms: alpha * L_fg + (1 - alpha) * L_bg (number or schedule)")
        Schedule alpha,
        @Doc("whole-image share: beta * L_img + (1 - beta) * object terms (number or schedule)")
        Schedule beta,
        @Doc("a mask summing below this (in feature cells) is empty: that sample's term gets zero weight")
        double epsilon,
        @Doc("binarise the grid mask at this threshold (mask > t); negative = keep the soft area fractions")
        double binarize,
        @Doc("masked pooling denominator: mean (sum M), plus_one (sum M + 1, PyTorch reference) or gap (h * w, "
                + "TensorFlow reference); empty masks get zero weight in every mode") PoolingDenominator pooling) {

    public HarlLossConfig {
        InvalidConfigException.check(alpha != null, "alpha", "is required");
        InvalidConfigException.check(beta != null, "beta", "is required");
        InvalidConfigException.check(epsilon > 0, "epsilon", "must be > 0, got " + epsilon);
        InvalidConfigException.check(pooling != null, "pooling", "is required (mean, plus_one or gap)");
        InvalidConfigException.check(binarize < 1, "binarize", "must be < 1 (negative = soft masks), got " + binarize);
    }

    public static HarlLossConfig defaults() {
        return new HarlLossConfig(Schedule.constant(0.5), Schedule.constant(0.5), 1e-3, -1, PoolingDenominator.MEAN);
    }
}
