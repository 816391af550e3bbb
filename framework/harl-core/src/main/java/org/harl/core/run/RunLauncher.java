package org.harl.core.run;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.harl.core.config.ExperimentConfig;

/**
 * Starts a run: writes the resolved {@code config.yaml} into its {@link RunDirectory} (a resumed run must find the
 * same one there) and hands over to the bound {@link ExperimentRunner}. {@code harl run} and {@code harl sweep} both
 * go through here.
 */
@Singleton
public final class RunLauncher {

    private final Optional<ExperimentRunner> runner;

    @Inject
    public RunLauncher(Optional<ExperimentRunner> runner) {
        this.runner = runner;
    }

    public RunResult launch(ExperimentConfig experiment, RunOptions options) throws Exception {
        ExperimentRunner r = runner.orElseThrow(() -> new IllegalStateException("no training engine is installed: "
                + "no org.harl.core.run.ExperimentRunner is bound in the Guice module (HarlModule), so "
                + "experiments can be checked but not run"));
        RunDirectory.of(experiment, options).writeOrCheckConfig(experiment, options.resume());
        return r.run(experiment, options);
    }
}
