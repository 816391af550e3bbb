package org.harl.plugins.trackers;

import java.util.List;
import org.harl.plugins.trackers.console.ConsoleTracker;
import org.harl.plugins.trackers.jsonl.JsonlTracker;
import org.harl.plugins.trackers.wandb.WandbTracker;
import org.harl.spi.ComponentFactory;
import org.harl.spi.HarlPlugin;

/** The trackers: {@code console}, {@code jsonl} and {@code wandb}. */
public final class TrackersPlugin implements HarlPlugin {
    @Override
    public List<ComponentFactory<?, ?>> factories() {
        return List.of(ConsoleTracker.FACTORY, JsonlTracker.FACTORY, WandbTracker.FACTORY);
    }
}
