package org.harl.cli.config;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code harl config}: work with experiment files without running them. */
@Command(name = "config", mixinStandardHelpOptions = true, description = "Validate and show experiment files.",
        subcommands = {ConfigCheckCommand.class, ConfigShowCommand.class})
public final class ConfigCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand");
    }
}
