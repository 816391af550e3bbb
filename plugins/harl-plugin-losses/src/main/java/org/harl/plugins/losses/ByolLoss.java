package org.harl.plugins.losses;

import ai.djl.ndarray.NDArray;
import java.util.List;
import java.util.Map;
import org.harl.spi.ComponentFactory;
import org.harl.spi.ComponentKind;
import org.harl.spi.loss.PooledBranch;
import org.harl.spi.loss.SslLoss;

/** BYOL: one branch, the globally average-pooled C5 map. */
public final class ByolLoss implements SslLoss {

    /** Registers {@code byol}. */
    public static final ComponentFactory<ByolLossConfig, SslLoss> FACTORY = ComponentFactory.of(ComponentKind.LOSS,
            "byol", "BYOL: 2 - 2 cos on globally pooled C5, both directions summed", ByolLossConfig.class,
            ByolLossConfig.defaults(), (config, context) -> new ByolLoss());

    public static final String IMG = "img";

    @Override
    public List<String> branches() {
        return List.of(IMG);
    }

    @Override
    public boolean needsMasks() {
        return false;
    }

    @Override
    public List<PooledBranch> pool(NDArray c5, NDArray gridMask) {
        return List.of(BranchPooling.global(IMG, c5));
    }

    @Override
    public Map<String, Double> weights(double progress) {
        return Map.of(IMG, 1.0);
    }
}
