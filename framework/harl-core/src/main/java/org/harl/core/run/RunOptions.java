package org.harl.core.run;

import java.nio.file.Path;

/**
 * How to run an experiment.
 *
 * @param runsRoot  parent of run directories; the run goes to {@code runsRoot/<experiment name>}
 * @param resume    continue from the latest checkpoint in the run directory (error if there is none)
 * @param group     sweep name used as tracker group, or null
 * @param quiet     no console progress bar (sweeps running several runs)
 */
public record RunOptions(Path runsRoot, boolean resume, String group, boolean quiet) {
}
