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
    /** Training wall seconds over all attempts of the run (this attempt's alone when earlier ones are unknown). */
    static final String WALL_SECONDS = "wall_s";
    /** Wall seconds of this attempt; phase times cover the same span. */
    static final String ATTEMPT_SECONDS = "wall_s_attempt";
    /** The step this attempt resumed from; 0 for a run trained in one attempt. */
    static final String RESUMED_AT = "resumed_at_step";
    /** Present (true) when a resumed run's earlier attempts did not record their time, so wall_s misses them. */
    static final String WALL_PARTIAL = "wall_s_partial";
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
     * @param wallSeconds   training seconds over all attempts (NaN: unknown before this attempt)
     * @param attemptSeconds seconds of this attempt
     * @param resumedAt     the step this attempt resumed from (0: none)
     * @param phaseTimes    seconds per phase of this attempt ({@link PhaseTimes#summary()})
     * @param dataCounters  the data source's counters (written as {@code data_<key>})
     * @param emptyMaskCheck what {@code EmptyMaskCheck.summarise} reported
     */
    Map<String, Object> completed(long steps, double wallSeconds, double attemptSeconds, long resumedAt,
                                  Map<String, Object> phaseTimes,
                                  Map<String, Long> dataCounters,
                                  Map<String, Object> emptyMaskCheck, String checkpoint) {
        Map<String, Object> summary = new LinkedHashMap<>(values);
        summary.put(STEPS, steps);
        boolean known = Double.isFinite(wallSeconds);
        summary.put(WALL_SECONDS, known ? wallSeconds : attemptSeconds);
        if (!known) {
            summary.put(WALL_PARTIAL, true);
        }
        summary.put(ATTEMPT_SECONDS, attemptSeconds);
        summary.put(RESUMED_AT, resumedAt);
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
