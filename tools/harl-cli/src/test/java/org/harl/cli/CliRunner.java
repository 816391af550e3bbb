package org.harl.cli;

import com.google.inject.Injector;
import com.google.inject.Module;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.harl.core.guice.Harl;
import picocli.CommandLine;

/** Runs {@code harl} in-process over the discovered plugins (the fake test plugin included). */
public final class CliRunner {

    /** Exit code and captured output of one invocation. */
    public record Result(int exitCode, String out, String err) {
    }

    private CliRunner() {
    }

    public static Result run(String... args) {
        return run(Harl.injector(), args);
    }

    public static Result run(Module extra, String... args) {
        return run(Harl.injector(extra), args);
    }

    private static Result run(Injector injector, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = HarlCommand.commandLine(injector);
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute(args);
        return new Result(code, out.toString(), err.toString());
    }
}
