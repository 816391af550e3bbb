package org.harl.plugins.deepmasks;

import org.harl.spi.ComponentFactory;
import org.harl.spi.ComponentKind;
import org.harl.spi.PluginContext;
import org.harl.spi.config.InvalidConfigException;
import org.harl.spi.mask.MaskProposer;

/** {@code torchscript}: masks from a user-supplied TorchScript saliency model. */
public final class TorchScriptProposerFactory implements ComponentFactory<TorchScriptConfig, MaskProposer> {

    @Override
    public ComponentKind kind() {
        return ComponentKind.MASK_PROPOSER;
    }

    @Override
    public String name() {
        return "torchscript";
    }

    @Override
    public String description() {
        return "foreground from a user-supplied TorchScript saliency model ((N,3,H,W) -> (N,1,H,W))";
    }

    @Override
    public Class<TorchScriptConfig> configType() {
        return TorchScriptConfig.class;
    }

    @Override
    public TorchScriptConfig defaults() {
        return TorchScriptConfig.defaults();
    }

    @Override
    public MaskProposer create(TorchScriptConfig config, PluginContext context) {
        InvalidConfigException.check(!config.model().isBlank(), "model",
                "required: the path of a TorchScript (.pt) saliency model");
        return new TorchScriptProposer(config, context.resolvePath(config.model()));
    }
}
