package org.harl.cli.eval;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.harl.core.run.RunDirectory;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A {@code harl eval} subcommand: the shared options, one evaluation, then the summary file it added to. */
abstract class EvalSubcommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    EvalOptions common;

    /** Evaluates {@code common.runDir}, printing the results to {@code out}. */
    abstract void evaluate(PrintWriter out) throws Exception;

    @Override
    public final Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        evaluate(out);
        out.println("results added to " + common.runDir.resolve(RunDirectory.SUMMARY));
        out.flush();
        return 0;
    }
}
