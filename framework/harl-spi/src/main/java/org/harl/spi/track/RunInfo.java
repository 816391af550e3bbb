package org.harl.spi.track;

import java.nio.file.Path;
import java.util.Map;

/**
 * What a tracker learns when a run starts.
 *
 * @param name      run name (also the run directory's name)
 * @param directory the run directory ({@code runs/<name>})
 * @param group     group for sweeps (the sweep name), or null
 * @param config    the fully resolved experiment config as plain maps/lists/scalars
 * @param resumed   true when continuing from a checkpoint: trackers drop what they recorded at steps
 *                  {@code >= startStep} and continue the same run
 * @param startStep the first step that will be logged (0 for a fresh run)
 * @param totalSteps the planned number of steps (for progress and ETA)
 */
public record RunInfo(String name, Path directory, String group, Map<String, Object> config, boolean resumed,
                      long startStep, long totalSteps) {
}
