package org.harl.plugins.trackers.wandb;

import org.harl.spi.ComponentFactory;
import org.harl.spi.ComponentKind;
import org.harl.spi.PluginContext;
import org.harl.spi.track.Tracker;

/** Registers the {@code wandb} tracker. */
public final class WandbTrackerFactory implements ComponentFactory<WandbConfig, Tracker> {
    @Override
    public ComponentKind kind() {
        return ComponentKind.TRACKER;
    }

    @Override
    public String name() {
        return "wandb";
    }

    @Override
    public String description() {
        return "Weights & Biases: online streaming, offline journal (harl wandb sync) or disabled";
    }

    @Override
    public Class<WandbConfig> configType() {
        return WandbConfig.class;
    }

    @Override
    public WandbConfig defaults() {
        return WandbConfig.defaults();
    }

    @Override
    public Tracker create(WandbConfig config, PluginContext context) {
        return new WandbTracker(config, System.getenv(), System.err);
    }
}
