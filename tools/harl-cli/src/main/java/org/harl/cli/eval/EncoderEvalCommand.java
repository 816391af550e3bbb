package org.harl.cli.eval;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code harl eval}: evaluations of a trained run's frozen encoder. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Evaluate a run's frozen encoder on the labelled splits of its dataset; results go to the "
                + "run's summary.json.",
        subcommands = {EvalLinearCommand.class, EvalKnnCommand.class, EvalSemiCommand.class,
            EvalSegmentCommand.class, EvalDetectCommand.class})
public final class EncoderEvalCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: linear, knn, semi, segment or detect");
    }
}
