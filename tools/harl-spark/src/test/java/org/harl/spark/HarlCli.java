package org.harl.spark;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.harl.cli.HarlCommand;
import picocli.CommandLine;

/** Runs the {@code harl} command line in this JVM, as the launcher would with harl-spark on the classpath. */
final class HarlCli {

    record Result(int code, String out, String err) {
    }

    private HarlCli() {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = HarlCommand.commandLine(org.harl.core.guice.Harl.injector());
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute(args);
        return new Result(code, out.toString(), err.toString());
    }
}
