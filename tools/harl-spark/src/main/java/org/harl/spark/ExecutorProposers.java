package org.harl.spark;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.harl.spi.mask.MaskProposer;

/**
 * Mask proposers kept per executor task thread for the executor's life. Spark runs the tasks of a job on a pool of
 * task threads, one task at a time each, so a proposer per thread is never used by two threads at once, and a forest
 * or saliency head is loaded once per thread rather than once per task (a job has several tasks per slot).
 */
final class ExecutorProposers {

    private static final ThreadLocal<Map<String, MaskProposer>> BY_THREAD = ThreadLocal.withInitial(HashMap::new);

    private ExecutorProposers() {
    }

    /** This thread's proposer for {@code key} (the proposer, its settings, seed and base folder), opened once. */
    static MaskProposer get(String key, Supplier<MaskProposer> open) {
        return BY_THREAD.get().computeIfAbsent(key, k -> open.get());
    }
}
