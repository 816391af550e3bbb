package org.harl.core.sweep;

import java.nio.file.Path;
import java.util.Map;

/**
 * What happened to one sweep run.
 *
 * @param run     the expanded run
 * @param dir     its directory
 * @param status  {@code completed}, {@code incomplete} (the runner stopped early), {@code failed} (training threw)
 *                or {@code eval_failed} (trained, evaluation threw)
 * @param summary the run's summary.json after training and evaluation
 * @param error   the failure message, or null
 */
public record RunOutcome(ExpandedRun run, Path dir, String status, Map<String, Object> summary, String error) {
}
