package org.harl.core.data;

import java.util.Iterator;
import java.util.Map;

/**
 * Training batches for the trainer. Deterministic: batch (epoch, step) has the same content whatever the number of
 * worker threads or the timing, so a resumed run sees exactly the batches an uninterrupted run would.
 */
public interface PairBatchSource extends AutoCloseable {

    int stepsPerEpoch();

    /** The batches of one epoch from step {@code fromStep} (0 for a whole epoch) to its end. */
    Iterator<PairBatch> epoch(int epoch, int fromStep);

    /** Counters for metrics (skipped files, empty masks...). */
    default Map<String, Long> counters() {
        return Map.of();
    }

    @Override
    void close();
}
