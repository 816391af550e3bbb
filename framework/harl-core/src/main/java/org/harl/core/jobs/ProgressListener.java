package org.harl.core.jobs;

/**
 * Follows a job over its items. The job calls it from one thread at a time (never concurrently), so an
 * implementation needs no locking; it must not throw.
 */
public interface ProgressListener {

    /** Ignores everything. */
    ProgressListener NONE = new ProgressListener() {
    };

    /** Before the first item: what the job does and how many items it will process. */
    default void started(String task, long total) {
    }

    /** After each item, failed or not: items done so far, of {@code total}, and items per second since the start. */
    default void advanced(long done, long total, double itemsPerSecond) {
    }

    /** After the last item (also when the job stops early). */
    default void finished() {
    }
}
