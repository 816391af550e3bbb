package org.harl.core.train.optim;

import java.util.Set;
import org.harl.core.config.OptimizerConfig;

/** Builds the optimizer named by the {@code optimizer:} section. */
public final class Optimizers {

    private Optimizers() {
    }

    /**
     * @param excluded names of bias and batch-norm parameters (no weight decay, no trust ratio); ignored when the
     *                 config does not exclude them
     */
    public static StatefulOptimizer create(OptimizerConfig config, Set<String> excluded) {
        Set<String> ex = config.excludeBiasAndNorm() ? excluded : Set.of();
        float wd = (float) config.weightDecay();
        return switch (config.type()) {
            case LARS -> new Lars((float) config.momentum(), wd, (float) config.eta(), ex);
            case SGD -> new MomentumSgd((float) config.momentum(), wd, ex);
            case ADAMW -> new AdamW(wd, ex);
        };
    }
}
