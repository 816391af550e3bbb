package org.harl.core.train;

import java.util.Map;

/**
 * What one batch gave.
 *
 * @param loss       the weighted total (both directions summed)
 * @param terms      each branch's unweighted symmetric loss L_x, by branch name
 * @param emptyMasks per masked branch, the number of (sample, view) pairs whose mask was empty
 */
public record StepResult(double loss, Map<String, Double> terms, Map<String, Long> emptyMasks) {

    /**
     * The first non-finite value's name, or null when all are finite: a branch term ({@code loss_<branch>}) before
     * the total ({@code loss}), because the branch is what tells the user where to look.
     */
    public String firstNonFinite() {
        for (Map.Entry<String, Double> e : terms.entrySet()) {
            if (!Double.isFinite(e.getValue())) {
                return "loss_" + e.getKey();
            }
        }
        return Double.isFinite(loss) ? null : "loss";
    }
}
