package org.harl.core.masks;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The end-of-run check on the proposed masks: a proposer that returns only empty masks trains HARL on background
 * alone while the run still completes, so the share of empty masks goes into the summary and, above the configured
 * limit, a warning is logged and recorded too.
 */
public final class EmptyMaskCheck {

    /** Summary key: empty masks / masks proposed in this process (absent for runs without masks). */
    public static final String SHARE = "empty_mask_share";
    /** Summary key: the warning text, present only when the share is above the limit. */
    public static final String WARNING = "empty_mask_warning";

    private static final System.Logger LOG = System.getLogger(EmptyMaskCheck.class.getName());

    private EmptyMaskCheck() {
    }

    /**
     * The summary entries for a run's data counters ({@code samples_loaded}, {@code empty_masks}); logs a warning
     * when more than {@code maxShare} of the masks were empty. Empty when the run proposed no masks.
     */
    public static Map<String, Object> summarise(String run, Map<String, Long> counters, double maxShare) {
        Map<String, Object> out = new LinkedHashMap<>();
        Long empty = counters.get("empty_masks");
        long loaded = counters.getOrDefault("samples_loaded", 0L);
        if (empty == null || loaded <= 0) {
            return out;
        }
        double share = (double) empty / loaded;
        out.put(SHARE, share);
        if (share > maxShare) {
            String warning = String.format(Locale.ROOT, "%d of %d masks (%.1f %%) were empty, more than "
                    + "training.max_empty_mask_share %s: the mask proposer found no foreground, so the foreground "
                    + "branch learned from nothing; check the proposer on a few images (harl masks generate, "
                    + "harl masks show) and clear stale cached masks (harl masks cache clear)", empty, loaded,
                    100 * share, maxShare);
            out.put(WARNING, warning);
            LOG.log(System.Logger.Level.WARNING, "[" + run + "] " + warning);
        }
        return out;
    }
}
