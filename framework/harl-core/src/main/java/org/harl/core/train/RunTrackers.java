package org.harl.core.train;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.harl.spi.track.RunInfo;
import org.harl.spi.track.Tracker;

/** A run's trackers, called together in their configured order. */
final class RunTrackers implements AutoCloseable {

    private final List<Tracker> trackers;

    RunTrackers(List<Tracker> trackers) {
        this.trackers = List.copyOf(trackers);
    }

    void start(RunInfo info) {
        trackers.forEach(t -> t.start(info));
    }

    void log(long step, Map<String, Object> row) {
        trackers.forEach(t -> t.log(step, row));
    }

    void summary(Map<String, Object> values) {
        trackers.forEach(t -> t.summary(values));
    }

    void checkpoint(Path file) {
        trackers.forEach(t -> t.saveFile(file, "checkpoint"));
    }

    void finish(int exitCode) {
        trackers.forEach(t -> t.finish(exitCode));
    }

    @Override
    public void close() {
        trackers.forEach(Tracker::close);
    }
}
