package org.harl.core.train;

import java.util.LinkedHashMap;
import java.util.Map;
import org.harl.core.run.RunDirectory;

/**
 * The summary of a pretraining run (summary.json and the trackers' summaries), under named keys, in the order a
 * finished run writes them.
 */
final class RunSummary {

    /** kNN top-1 of the untrained encoder (monitor.at_start). */
    static final String KNN_TOP1_INIT = "knn_top1_init";
    /** kNN top-1 of the latest monitor pass; at the end of a run, of the trained encoder. */
    static final String KNN_TOP1 = "knn_top1";
    static final String STEPS = "steps";
    static final String WALL_SECONDS = "wall_s";
    /** The last checkpoint written, or "none". */
    static final String CHECKPOINT = "checkpoint";

    private final Map<String, Object> values = new LinkedHashMap<>();
    private final Map<String, Long> emptyMaskTotals = new LinkedHashMap<>();

    /**
     * The key of a monitor pass after {@code epoch} epochs: epoch 0 is the untrained encoder, under its own key so
     * that a killed run never reports it as the result.
     */
    static String knnKey(int epoch) {
        return epoch == 0 ? KNN_TOP1_INIT : KNN_TOP1;
    }

    /** Records a kNN score for the final summary. */
    void knn(int epoch, double top1) {
        values.put(knnKey(epoch), top1);
    }

    /** Adds one batch's empty-mask counts per branch. */
    void countEmptyMasks(Map<String, Long> perBranch) {
        perBranch.forEach((branch, n) -> emptyMaskTotals.merge(branch, n, Long::sum));
    }

    /**
     * The summary of a finished run.
     *
     * @param phaseTimes    seconds per phase of the run ({@link PhaseTimes#summary()})
     * @param dataCounters  the data source's counters (written as {@code data_<key>})
     * @param emptyMaskCheck what {@code EmptyMaskCheck.summarise} reported
     */
    Map<String, Object> completed(long steps, double wallSeconds, Map<String, Object> phaseTimes,
                                  Map<String, Long> dataCounters,
                                  Map<String, Object> emptyMaskCheck, String checkpoint) {
        Map<String, Object> summary = new LinkedHashMap<>(values);
        summary.put(STEPS, steps);
        summary.put(WALL_SECONDS, wallSeconds);
        summary.putAll(phaseTimes);
        emptyMaskTotals.forEach((branch, n) -> summary.put("empty_" + branch + "_total", n));
        dataCounters.forEach((key, n) -> summary.put("data_" + key, n));
        summary.putAll(emptyMaskCheck);
        summary.put(CHECKPOINT, checkpoint);
        // what `harl sweep` (skip, --reuse-from) reads to tell a finished run from an interrupted one
        summary.put(RunDirectory.COMPLETED, true);
        return summary;
    }
}
