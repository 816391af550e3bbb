package org.harl.plugins.datasets.fashion;

import org.harl.spi.ComponentFactory;
import org.harl.spi.ComponentKind;
import org.harl.spi.PluginContext;
import org.harl.spi.data.DatasetSource;

/** Registers {@code fashion_composites}. */
public final class FashionCompositesFactory implements ComponentFactory<FashionCompositesConfig, DatasetSource> {

    @Override
    public ComponentKind kind() {
        return ComponentKind.DATASET;
    }

    @Override
    public String name() {
        return "fashion_composites";
    }

    @Override
    public String description() {
        return "Fashion-MNIST items colourised and pasted on cluttered random-colour backgrounds, exact masks";
    }

    @Override
    public Class<FashionCompositesConfig> configType() {
        return FashionCompositesConfig.class;
    }

    @Override
    public FashionCompositesConfig defaults() {
        return FashionCompositesConfig.defaults();
    }

    @Override
    public DatasetSource create(FashionCompositesConfig config, PluginContext context) {
        return new FashionComposites(context.resolvePath(config.dataDir()), config);
    }
}
