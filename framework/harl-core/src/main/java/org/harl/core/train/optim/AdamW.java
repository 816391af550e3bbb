package org.harl.core.train.optim;

import ai.djl.ndarray.NDArray;
import java.util.Set;

/** AdamW (decoupled weight decay), betas (0.9, 0.999), eps 1e-8, bias-corrected moments. */
public final class AdamW extends StatefulOptimizer {

    private static final float BETA1 = 0.9f;
    private static final float BETA2 = 0.999f;
    private static final float EPS = 1e-8f;

    public AdamW(float weightDecay, Set<String> excluded) {
        super(weightDecay, excluded);
    }

    @Override
    public String name() {
        return "adamw";
    }

    @Override
    protected int stateSize() {
        return 2;
    }

    @Override
    protected void apply(NDArray w, NDArray g, NDArray[] state, boolean excluded, float lr, long step) {
        NDArray m = state[0].muli(BETA1).addi(g.mul(1 - BETA1));
        NDArray v = state[1].muli(BETA2).addi(g.square().muli(1 - BETA2));
        float c1 = (float) (1 - Math.pow(BETA1, step));
        float c2 = (float) (1 - Math.pow(BETA2, step));
        NDArray update = m.div(c1).div(v.div(c2).sqrt().add(EPS));
        if (!excluded && weightDecay > 0) {
            w.muli(1 - lr * weightDecay);
        }
        w.subi(update.muli(lr));
    }
}
