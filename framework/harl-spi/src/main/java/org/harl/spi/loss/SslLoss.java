package org.harl.spi.loss;

import ai.djl.ndarray.NDArray;
import java.util.List;
import java.util.Map;

/**
 * The objective of a BYOL-family method, split into what differs between methods: how C5 is pooled into
 * branches, and how the branches' symmetric regression losses are weighted over training. The trainer owns the
 * shared projector/predictor, the target network and the regression loss 2 - 2 cos(p, sg(z)).
 */
public interface SslLoss {

    /** Branch names, in the order {@link #pool} returns them. */
    List<String> branches();

    /** Whether {@link #pool} needs a mask (HARL) or ignores it (BYOL). */
    boolean needsMasks();

    /**
     * Pools a view's C5 map. Runs under the gradient collector: constants applied to c5 or anything derived from it
     * must go through {@link org.harl.spi.nd.GraphScalars}, not {@code NDArray.mul(Number)} and its siblings
     * (check with {@code org.harl.testing.AutogradChecks}).
     *
     * @param c5       (N, C, h, w)
     * @param gridMask (N, 1, h, w) soft foreground fraction per feature cell (area-averaged), or null if not needed
     */
    List<PooledBranch> pool(NDArray c5, NDArray gridMask);

    /** Weight of each branch's loss at training progress {@code t} in [0, 1] (step / total steps). */
    Map<String, Double> weights(double progress);

    /** The scheduled hyper-parameters at {@code progress} for metrics (HARL: alpha and beta); empty by default. */
    default Map<String, Double> scheduleValues(double progress) {
        return Map.of();
    }
}
