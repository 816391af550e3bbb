package org.harl.core.run;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.harl.core.config.ExperimentConfig;
import org.harl.core.config.ResolvedConfig;

/**
 * Starts a run: creates the run directory {@code runsRoot/<name>}, writes the resolved {@code config.yaml} and
 * hands over to the bound {@link ExperimentRunner}. {@code harl run} and {@code harl sweep} both go through here.
 */
@Singleton
public final class RunLauncher {

    private final Optional<ExperimentRunner> runner;

    @Inject
    public RunLauncher(Optional<ExperimentRunner> runner) {
        this.runner = runner;
    }

    /** The directory of a run. */
    public static Path runDirectory(ExperimentConfig experiment, RunOptions options) {
        return options.runsRoot().resolve(experiment.name());
    }

    public RunResult launch(ExperimentConfig experiment, RunOptions options) throws Exception {
        ExperimentRunner r = runner.orElseThrow(() -> new IllegalStateException("no training engine is installed: "
                + "no org.harl.core.run.ExperimentRunner is bound in the Guice module (HarlModule), so "
                + "experiments can be checked but not run"));
        Path dir = runDirectory(experiment, options);
        writeConfig(experiment, dir, options.resume());
        return r.run(experiment, options);
    }

    /** A new run writes config.yaml; a resumed run must have the same resolved config as before. */
    private static void writeConfig(ExperimentConfig experiment, Path dir, boolean resume) throws IOException {
        Path file = dir.resolve(ResolvedConfig.FILE_NAME);
        if (resume && Files.exists(file)) {
            String before = Files.readString(file, StandardCharsets.UTF_8);
            if (!before.equals(ResolvedConfig.toYaml(experiment.resolved()))) {
                throw new IllegalStateException("cannot resume " + dir + ": its " + ResolvedConfig.FILE_NAME
                        + " differs from the resolved config of " + experiment.source()
                        + "; revert the change or start a run with another name");
            }
            return;
        }
        ResolvedConfig.write(experiment, dir);
    }
}
