package org.harl.cli.run;

import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.harl.core.config.ExperimentConfig;
import org.harl.core.config.ExperimentLoader;
import org.harl.core.eval.FinalProbe;
import org.harl.core.run.RunLauncher;
import org.harl.core.run.RunOptions;
import org.harl.core.run.RunResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code harl run FILE}: pretrain one experiment into {@code <runs-dir>/<name>}. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run one experiment: pretraining and its kNN monitor, into RUNS_DIR/<name>; at the end, the "
                + "linear probe and kNN of the trained encoder against the untrained one (monitor.final_probe).")
public final class RunCommand implements Callable<Integer> {

    private final ExperimentLoader loader;
    private final RunLauncher launcher;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "experiment YAML file")
    Path file;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "override a value, e.g. --set training.epochs=1 or --set logging.0.type=console "
                    + "(repeatable)")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--resume", description = "continue from the run directory's latest checkpoint")
    boolean resume;

    @Option(names = "--runs-dir", paramLabel = "DIR", defaultValue = "runs",
            description = "parent of run directories (default: ${DEFAULT-VALUE})")
    Path runsDir;

    @Inject
    public RunCommand(ExperimentLoader loader, RunLauncher launcher) {
        this.loader = loader;
        this.launcher = launcher;
    }

    @Override
    public Integer call() throws Exception {
        ExperimentConfig experiment = loader.load(file, overrides);
        RunResult result = launcher.launch(experiment, new RunOptions(runsDir, resume, null, false));
        if (result.summary().containsKey(FinalProbe.LINEAR)) {
            FinalProbe.lines(result.summary()).forEach(spec.commandLine().getOut()::println);
        }
        spec.commandLine().getOut().println((result.completed() ? "completed: " : "stopped before the end: ")
                + result.directory());
        return result.completed() ? 0 : 1;
    }
}
