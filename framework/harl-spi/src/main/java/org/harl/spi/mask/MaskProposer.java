package org.harl.spi.mask;

import java.nio.file.Path;
import java.util.List;
import org.harl.spi.data.Mask;
import org.harl.spi.data.Sample;

/**
 * Proposes a foreground mask for an image without labels (a heuristic), or passes through exact masks
 * ({@code ground_truth}). Implementations are thread-safe and deterministic: the same sample gives the same mask.
 */
public interface MaskProposer extends AutoCloseable {

    /** The mask, the size of {@code sample.image()}, values in [0, 1]. */
    Mask propose(Sample sample);

    /**
     * The files the masks depend on besides the config and the plugin's own code: model weights, a trained forest.
     * The run's mask cache keys on their content (SHA-256, hashed once per run), so a model retrained at the same
     * path misses the cache. A proposer that loads no file keeps the default, none.
     */
    default List<Path> modelFiles() {
        return List.of();
    }

    /**
     * Where the proposer's model came from (data, kind of supervision, the command that made it), one
     * {@code key: value} line each, for tools that print it; empty for proposers without a learned model.
     */
    default java.util.Optional<String> modelProvenance() {
        return java.util.Optional.empty();
    }

    @Override
    default void close() {
    }
}
