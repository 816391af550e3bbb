package org.harl.plugins.datasets.synthetic;

import org.harl.spi.ComponentFactory;
import org.harl.spi.ComponentKind;
import org.harl.spi.PluginContext;
import org.harl.spi.data.DatasetSource;

/** Registers {@code synthetic_objects}. */
public final class SyntheticObjectsFactory implements ComponentFactory<SyntheticObjectsConfig, DatasetSource> {

    @Override
    public ComponentKind kind() {
        return ComponentKind.DATASET;
    }

    @Override
    public String name() {
        return "synthetic_objects";
    }

    @Override
    public String description() {
        return "generated objects (class shape + palette + texture) on random cluttered backgrounds, exact masks";
    }

    @Override
    public Class<SyntheticObjectsConfig> configType() {
        return SyntheticObjectsConfig.class;
    }

    @Override
    public SyntheticObjectsConfig defaults() {
        return SyntheticObjectsConfig.defaults();
    }

    @Override
    public DatasetSource create(SyntheticObjectsConfig config, PluginContext context) {
        return new SyntheticObjects(config);
    }
}
