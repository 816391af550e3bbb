package org.harl.core.train.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import java.util.Set;

/**
 * LARS as in solo-learn (the HARL PyTorch code): for a regular weight, d = (g + wd w) * eta ||w|| /
 * (||g|| + wd ||w|| + eps) when both norms are non-zero, else g + wd w; excluded parameters (bias, BN) use d = g.
 * Then heavy-ball momentum: buf = m buf + d; w -= lr buf.
 */
public final class Lars extends StatefulOptimizer {

    private static final float EPS = 1e-8f;
    private final float momentum;
    private final float eta;

    public Lars(float momentum, float weightDecay, float eta, Set<String> excluded) {
        super(weightDecay, excluded);
        this.momentum = momentum;
        this.eta = eta;
    }

    @Override
    public String name() {
        return "lars";
    }

    @Override
    protected int stateSize() {
        return 1;
    }

    @Override
    protected void apply(NDArray w, NDArray g, NDArray[] state, boolean excluded, float lr, long step) {
        NDArray d;
        if (excluded) {
            d = g;
        } else {
            NDArray wNorm = w.norm();
            NDArray gNorm = g.norm();
            NDArray ratio = wNorm.mul(eta).div(gNorm.add(wNorm.mul(weightDecay)).add(EPS));
            NDArray bothPositive = wNorm.gt(0).logicalAnd(gNorm.gt(0));
            NDArray trust = NDArrays.where(bothPositive, ratio, w.getManager().ones(ratio.getShape()));
            d = g.add(w.mul(weightDecay)).mul(trust);
        }
        NDArray buf = state[0];
        buf.muli(momentum).addi(d);
        w.subi(buf.mul(lr));
    }
}
