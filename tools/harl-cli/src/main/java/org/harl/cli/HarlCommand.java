package org.harl.cli;

import com.google.inject.Injector;
import java.util.ServiceLoader;
import org.harl.cli.config.ConfigCommand;
import org.harl.cli.data.DataCommand;
import org.harl.cli.eval.EncoderEvalCommand;
import org.harl.cli.masks.MasksCommand;
import org.harl.cli.plugins.PluginsCommand;
import org.harl.cli.run.RunCommand;
import org.harl.cli.sweep.SweepCommand;
import org.harl.core.guice.Harl;
import org.harl.core.registry.PluginLoadException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code harl} command line. To add a subcommand, write a picocli {@code @Command} class (its dependencies
 * arrive by Guice {@code @Inject} constructor) and add it to {@code subcommands} below or to its group's list.
 * Developer tools (bench, report, wandb) live in their own modules and join through {@link SubcommandProvider}.
 */
@Command(name = "harl", mixinStandardHelpOptions = true, versionProvider = HarlVersion.class,
        description = "Object-level self-supervised pretraining (HARL, BYOL) on Deep Java Library.",
        subcommands = {
            PluginsCommand.class,
            ConfigCommand.class,
            RunCommand.class,
            DataCommand.class,
            SweepCommand.class,
            EncoderEvalCommand.class,
            MasksCommand.class,
            org.harl.cli.env.EnvCommand.class,
        })
public final class HarlCommand implements Runnable {

    @Spec
    CommandSpec spec;

    /** Read by {@link LogSetup} before parsing (log levels are fixed when loggers are made); declared for help. */
    @Option(names = LogSetup.VERBOSE, scope = ScopeType.INHERIT,
            description = "log progress details (INFO/DEBUG for harl, INFO for DJL); default: warnings only")
    boolean verbose;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand");
    }

    /** The command line over an injector, with clear one-line errors for expected failures. */
    public static CommandLine commandLine(Injector injector) {
        CommandLine cmd = new CommandLine(HarlCommand.class, new GuiceFactory(injector));
        for (SubcommandProvider provider : ServiceLoader.load(SubcommandProvider.class)) {
            provider.commands().forEach(cmd::addSubcommand);
        }
        cmd.setExecutionExceptionHandler(new ErrorReporter());
        return cmd;
    }

    public static void main(String[] args) {
        LogSetup.configure(args);
        int code;
        try {
            code = commandLine(Harl.injector()).execute(args);
        } catch (PluginLoadException e) {
            System.err.println("harl: " + e.getMessage());
            code = 1;
        }
        System.exit(code);
    }
}
