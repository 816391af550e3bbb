package org.harl.core.run;

import java.nio.file.Path;
import java.util.Map;

/**
 * The outcome of a run.
 *
 * @param directory the run directory
 * @param completed true when all planned steps ran
 * @param summary   the values written to {@code summary.json} (e.g. {@code knn_top1}, {@code wall_s})
 */
public record RunResult(Path directory, boolean completed, Map<String, Object> summary) {
}
