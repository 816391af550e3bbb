package org.harl.plugins.deepmasks;

import java.nio.file.Path;
import java.util.List;
import org.harl.core.registry.PluginRegistry;
import org.harl.spi.ComponentFactory;
import org.harl.spi.ComponentKind;
import org.harl.spi.PluginContext;
import org.harl.spi.config.InvalidConfigException;
import org.harl.spi.mask.MaskProposer;

/** {@code saliency_head}: a 1x1 saliency head on a run's frozen encoder (MaskContrast's "deep mask"). */
public final class SaliencyHeadProposerFactory implements ComponentFactory<SaliencyHeadConfig, MaskProposer> {

    @Override
    public ComponentKind kind() {
        return ComponentKind.MASK_PROPOSER;
    }

    @Override
    public String name() {
        return "saliency_head";
    }

    @Override
    public String description() {
        return "deep masks: 1x1 saliency head on a trained run's frozen encoder (train it with masks train-saliency)";
    }

    @Override
    public Class<SaliencyHeadConfig> configType() {
        return SaliencyHeadConfig.class;
    }

    @Override
    public SaliencyHeadConfig defaults() {
        return SaliencyHeadConfig.defaults();
    }

    @Override
    public MaskProposer create(SaliencyHeadConfig config, PluginContext context) {
        InvalidConfigException.check(!config.encoder().isBlank(), "encoder",
                "required: the run directory of a trained encoder (e.g. runs/quickstart)");
        Path runDir = context.resolvePath(config.encoder());
        Path params = config.head().isBlank() ? runDir.resolve(SaliencyHeadFiles.DEFAULT_NAME + ".params")
                : context.resolvePath(config.head());
        SaliencyHeadFiles.Saved saved = SaliencyHeadFiles.load(params); // fails fast, before the encoder loads
        FeatureEncoder encoder = RunEncoders.open(runDir, PluginRegistry.discover(getClass().getClassLoader()));
        if (encoder.inputSide() != saved.info().inputSide()) {
            encoder.close();
            throw new IllegalArgumentException(params + " was trained at input side " + saved.info().inputSide()
                    + " but the encoder of " + runDir + " takes " + encoder.inputSide());
        }
        return new SaliencyHeadProposer(new EncoderGrid(encoder, config.batchSize()), saved.head(),
                config.threshold(), config.minComponent(), config.soft(),
                List.of(params, SaliencyHeadFiles.infoFile(params)));
    }
}
