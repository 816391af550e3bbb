package org.harl.cli.config;

import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.harl.core.config.ConfigException;
import org.harl.core.sweep.ExperimentFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code harl config check FILE...}: loads and binds each file; every error as {@code file:line:col path: msg}. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Validate experiment and ablation files without running them. Exit code 1 if any is invalid.")
public final class ConfigCheckCommand implements Callable<Integer> {

    private final ExperimentFiles files;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "experiment or ablation YAML files")
    List<Path> paths;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "override a value in every file, e.g. --set training.epochs=1 (repeatable)")
    List<String> overrides = new ArrayList<>();

    @Inject
    public ConfigCheckCommand(ExperimentFiles files) {
        this.files = files;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int invalid = 0;
        for (Path file : paths) {
            try {
                files.expand(file, overrides);
                out.println("ok: " + file);
            } catch (ConfigException e) {
                invalid++;
                e.errors().forEach(err::println);
                err.println("invalid: " + file + " (" + e.errors().size()
                        + (e.errors().size() == 1 ? " error)" : " errors)"));
            }
        }
        out.flush();
        err.flush();
        return invalid == 0 ? 0 : 1;
    }
}
