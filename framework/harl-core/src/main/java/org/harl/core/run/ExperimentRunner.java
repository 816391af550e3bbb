package org.harl.core.run;

import org.harl.core.config.ExperimentConfig;

/** Runs a bound experiment (pretraining plus its monitor) into a run directory. Implemented by the training engine. */
public interface ExperimentRunner {

    RunResult run(ExperimentConfig experiment, RunOptions options) throws Exception;
}
