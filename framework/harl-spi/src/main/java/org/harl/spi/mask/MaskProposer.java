package org.harl.spi.mask;

import org.harl.spi.data.Mask;
import org.harl.spi.data.Sample;

/**
 * Proposes a foreground mask for an image without labels (a heuristic), or passes through exact masks
 * ({@code ground_truth}). Implementations are thread-safe and deterministic: the same sample gives the same mask.
 */
public interface MaskProposer extends AutoCloseable {

    /** The mask, the size of {@code sample.image()}, values in [0, 1]. */
    Mask propose(Sample sample);

    @Override
    default void close() {
    }
}
