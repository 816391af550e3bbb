package org.harl.plugins.trackers.console;

import org.harl.spi.ComponentFactory;
import org.harl.spi.ComponentKind;
import org.harl.spi.PluginContext;
import org.harl.spi.track.Tracker;

/** Registers the {@code console} tracker. */
public final class ConsoleTrackerFactory implements ComponentFactory<ConsoleConfig, Tracker> {
    @Override
    public ComponentKind kind() {
        return ComponentKind.TRACKER;
    }

    @Override
    public String name() {
        return "console";
    }

    @Override
    public String description() {
        return "progress line with ETA, loss and images/s";
    }

    @Override
    public Class<ConsoleConfig> configType() {
        return ConsoleConfig.class;
    }

    @Override
    public ConsoleConfig defaults() {
        return ConsoleConfig.defaults();
    }

    @Override
    public Tracker create(ConsoleConfig config, PluginContext context) {
        return new ConsoleTracker(config, System.out, System.console() != null, System::nanoTime);
    }
}
