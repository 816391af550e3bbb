package org.harl.core.train.optim;

import ai.djl.ndarray.NDArray;
import java.util.Set;

/** SGD with heavy-ball momentum (PyTorch convention): buf = m buf + g + wd w; w -= lr buf. */
public final class MomentumSgd extends StatefulOptimizer {

    private final float momentum;

    public MomentumSgd(float momentum, float weightDecay, Set<String> excluded) {
        super(weightDecay, excluded);
        this.momentum = momentum;
    }

    @Override
    public String name() {
        return "sgd";
    }

    @Override
    protected int stateSize() {
        return 1;
    }

    @Override
    protected void apply(NDArray w, NDArray g, NDArray[] state, boolean excluded, float lr, long step) {
        NDArray d = excluded || weightDecay == 0 ? g : g.add(w.mul(weightDecay));
        state[0].muli(momentum).addi(d);
        w.subi(state[0].mul(lr));
    }
}
