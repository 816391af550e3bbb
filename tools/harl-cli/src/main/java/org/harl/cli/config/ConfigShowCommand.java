package org.harl.cli.config;

import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.harl.core.config.ExperimentLoader;
import org.harl.core.config.ResolvedConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code harl config show FILE}: the resolved config a run of FILE would write as {@code config.yaml}. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Print the resolved experiment (base merged, overrides applied, defaults filled in).")
public final class ConfigShowCommand implements Runnable {

    private final ExperimentLoader loader;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "experiment YAML file")
    Path file;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "override a value (repeatable)")
    List<String> overrides = new ArrayList<>();

    @Inject
    public ConfigShowCommand(ExperimentLoader loader) {
        this.loader = loader;
    }

    @Override
    public void run() {
        spec.commandLine().getOut().print(ResolvedConfig.toYaml(loader.load(file, overrides).resolved()));
        spec.commandLine().getOut().flush();
    }
}
