package org.harl.spi.track;

import java.nio.file.Path;
import java.util.Map;

/**
 * Receives a run's metrics. Implementations never block or kill training: slow I/O happens off the calling thread,
 * and failures are reported as warnings, never thrown into the trainer.
 * Metric values are {@link Number}s (NaN and infinities allowed) or strings.
 *
 * <p>Call order: {@link #start}, then any number of {@link #log}, {@link #logImage}, {@link #summary},
 * {@link #saveFile}, then {@link #finish} once.
 */
public interface Tracker extends AutoCloseable {

    void start(RunInfo run);

    /** One row of metrics at a global step (steps never decrease; several calls may share a step). */
    void log(long step, Map<String, Object> metrics);

    /** A PNG image (mask overlays, charts) at a step. */
    default void logImage(long step, String key, Path png, String caption) {
    }

    /** Final or running summary values (kNN accuracy, wall time...); later values replace earlier ones per key. */
    void summary(Map<String, Object> values);

    /**
     * A file worth keeping with the run, such as a checkpoint ({@code kind = "checkpoint"}). Trackers that store
     * files remotely (W&B) upload it when configured to; the others ignore it.
     */
    default void saveFile(Path file, String kind) {
    }

    /** The run ended; {@code exitCode} 0 = success. Flushes everything. */
    void finish(int exitCode);

    @Override
    default void close() {
    }
}
