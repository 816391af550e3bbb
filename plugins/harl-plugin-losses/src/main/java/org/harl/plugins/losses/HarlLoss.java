package org.harl.plugins.losses;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.harl.spi.ComponentFactory;
import org.harl.spi.ComponentKind;
import org.harl.spi.loss.PooledBranch;
import org.harl.spi.loss.SslLoss;

/**
 * HARL: the whole image (global pooling) plus the view's foreground and background (masked-mean pooling with the
 * view's own soft mask on the feature grid). L = beta * L_img + (1 - beta) * (alpha * L_fg + (1 - alpha) * L_bg).
 */
public final class HarlLoss implements SslLoss {

    /** Registers {@code harl}. */
    public static final ComponentFactory<HarlLossConfig, SslLoss> FACTORY = ComponentFactory.of(ComponentKind.LOSS,
            "harl", "HARL: beta * L_img + (1 - beta) * (alpha * L_fg + (1 - alpha) * L_bg), masked-mean pooling",
            HarlLossConfig.class, HarlLossConfig.defaults(), (config, context) -> new HarlLoss(config));

    public static final String IMG = "img";
    public static final String FG = "fg";
    public static final String BG = "bg";

    private final HarlLossConfig config;

    public HarlLoss(HarlLossConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    @Override
    public List<String> branches() {
        return List.of(IMG, FG, BG);
    }

    @Override
    public boolean needsMasks() {
        return true;
    }

    @Override
    public List<PooledBranch> pool(NDArray c5, NDArray gridMask) {
        Objects.requireNonNull(gridMask, "harl pools with a mask: the trainer must pass the view's grid mask");
        NDArray fg = config.binarize() >= 0
                ? gridMask.gt((float) config.binarize()).toType(DataType.FLOAT32, false)
                : gridMask;
        NDArray bg = fg.mul(-1).add(1);
        return List.of(
                BranchPooling.global(IMG, c5),
                BranchPooling.masked(FG, c5, fg, config.epsilon(), config.pooling()),
                BranchPooling.masked(BG, c5, bg, config.epsilon(), config.pooling()));
    }

    @Override
    public Map<String, Double> weights(double progress) {
        double alpha = config.alpha().valueAt(progress);
        double beta = config.beta().valueAt(progress);
        Map<String, Double> w = new LinkedHashMap<>();
        w.put(IMG, beta);
        w.put(FG, (1 - beta) * alpha);
        w.put(BG, (1 - beta) * (1 - alpha));
        return w;
    }

    @Override
    public Map<String, Double> scheduleValues(double progress) {
        Map<String, Double> v = new LinkedHashMap<>();
        v.put("alpha", config.alpha().valueAt(progress));
        v.put("beta", config.beta().valueAt(progress));
        return v;
    }
}
