package org.harl.plugins.datasets.fashion;

import org.harl.spi.ComponentFactory;
import org.harl.spi.ComponentKind;
import org.harl.spi.PluginContext;
import org.harl.spi.data.DatasetSource;

/** Registers {@code fashion_mnist}. */
public final class FashionMnistFactory implements ComponentFactory<FashionMnistConfig, DatasetSource> {

    @Override
    public ComponentKind kind() {
        return ComponentKind.DATASET;
    }

    @Override
    public String name() {
        return "fashion_mnist";
    }

    @Override
    public String description() {
        return "Fashion-MNIST (apt-get install dataset-fashion-mnist), grey items with their exact masks";
    }

    @Override
    public Class<FashionMnistConfig> configType() {
        return FashionMnistConfig.class;
    }

    @Override
    public FashionMnistConfig defaults() {
        return FashionMnistConfig.defaults();
    }

    @Override
    public DatasetSource create(FashionMnistConfig config, PluginContext context) {
        return new FashionMnist(context.resolvePath(config.dataDir()), config);
    }
}
