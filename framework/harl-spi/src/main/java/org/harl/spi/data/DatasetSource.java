package org.harl.spi.data;

import java.util.List;
import java.util.Map;

/**
 * A dataset: random access, deterministic, thread-safe. {@code get(split, i)} returns the same sample for the same
 * arguments on every call and on every machine (generated datasets derive everything from seed, split and index).
 */
public interface DatasetSource extends AutoCloseable {

    /** Number of samples in a split (0 if the dataset has no such split). */
    long size(Split split);

    /** The sample at index {@code 0 <= index < size(split)}. */
    Sample get(Split split, long index);

    /** Class names, index = label. */
    List<String> classNames();

    /** Whether samples carry {@link Sample#groundTruth()} masks. */
    boolean providesMasks();

    /** Counters for metrics and the run summary (e.g. {@code skipped_unreadable}); empty by default. */
    default Map<String, Long> counters() {
        return Map.of();
    }

    @Override
    default void close() {
    }
}
