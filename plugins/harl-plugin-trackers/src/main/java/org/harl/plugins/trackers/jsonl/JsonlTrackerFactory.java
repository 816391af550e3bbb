package org.harl.plugins.trackers.jsonl;

import org.harl.spi.ComponentFactory;
import org.harl.spi.ComponentKind;
import org.harl.spi.PluginContext;
import org.harl.spi.track.Tracker;

/** Registers the {@code jsonl} tracker. */
public final class JsonlTrackerFactory implements ComponentFactory<JsonlConfig, Tracker> {
    @Override
    public ComponentKind kind() {
        return ComponentKind.TRACKER;
    }

    @Override
    public String name() {
        return "jsonl";
    }

    @Override
    public String description() {
        return "metrics.jsonl + media.jsonl in the run directory (read by `harl report`)";
    }

    @Override
    public Class<JsonlConfig> configType() {
        return JsonlConfig.class;
    }

    @Override
    public JsonlConfig defaults() {
        return JsonlConfig.defaults();
    }

    @Override
    public Tracker create(JsonlConfig config, PluginContext context) {
        return new JsonlTracker(config, System.err);
    }
}
