package org.harl.plugins.trackers;

import java.util.List;
import org.harl.plugins.trackers.console.ConsoleTrackerFactory;
import org.harl.plugins.trackers.jsonl.JsonlTrackerFactory;
import org.harl.plugins.trackers.wandb.WandbTrackerFactory;
import org.harl.spi.ComponentFactory;
import org.harl.spi.HarlPlugin;

/** The trackers: {@code console}, {@code jsonl} and {@code wandb}. */
public final class TrackersPlugin implements HarlPlugin {
    @Override
    public List<ComponentFactory<?, ?>> factories() {
        return List.of(new ConsoleTrackerFactory(), new JsonlTrackerFactory(), new WandbTrackerFactory());
    }
}
