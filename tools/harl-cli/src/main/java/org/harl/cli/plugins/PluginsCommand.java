package org.harl.cli.plugins;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code harl plugins}: what the loaded plugins provide. */
@Command(name = "plugins", mixinStandardHelpOptions = true, description = "List and describe the loaded plugins.",
        subcommands = {PluginsListCommand.class, PluginsDescribeCommand.class})
public final class PluginsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand");
    }
}
