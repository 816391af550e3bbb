package org.harl.core.sweep;

import org.harl.core.config.ExperimentConfig;

/** An expanded run and its bound, validated experiment. */
public record PlannedRun(ExpandedRun run, ExperimentConfig config) {
}
