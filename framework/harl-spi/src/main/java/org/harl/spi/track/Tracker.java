package org.harl.spi.track;

import java.nio.file.Path;
import java.util.Map;

/**
 * Receives a run's metrics. Implementations never block or kill training: slow I/O happens off the calling thread.
 * Metric values are {@link Number}s (NaN and infinities allowed) or strings.
 */
public interface Tracker extends AutoCloseable {

    void start(RunInfo run);

    /** One row of metrics at a global step (steps never decrease). */
    void log(long step, Map<String, Object> metrics);

    /** A PNG image (mask overlays, charts) at a step. */
    default void logImage(long step, String key, Path png, String caption) {
    }

    /** Final or running summary values (kNN accuracy, wall time...). */
    void summary(Map<String, Object> values);

    /** The run ended; {@code exitCode} 0 = success. Flushes everything. */
    void finish(int exitCode);

    @Override
    default void close() {
    }
}
