package org.harl.cli;

import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import org.harl.core.config.ConfigException;
import org.harl.core.registry.PluginLoadException;
import picocli.CommandLine;

/**
 * Prints expected failures (invalid configs, unknown plugins, bad arguments) as clear messages without a stack
 * trace; anything else is a bug and keeps its stack trace. Exit code 1 either way.
 */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        if (e instanceof ConfigException ce) {
            ce.errors().forEach(err::println);
            err.println("harl: " + ce.errors().size() + (ce.errors().size() == 1 ? " error" : " errors"));
        } else if (e instanceof PluginLoadException || e instanceof IllegalStateException
                || e instanceof IllegalArgumentException) {
            err.println("harl: " + e.getMessage());
        } else if (e instanceof NoSuchFileException n) {
            err.println("harl: file not found: " + n.getFile());
        } else {
            e.printStackTrace(err);
        }
        err.flush();
        return 1;
    }
}
