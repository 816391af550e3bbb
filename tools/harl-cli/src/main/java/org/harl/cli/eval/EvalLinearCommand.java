package org.harl.cli.eval;

import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.util.List;
import org.harl.cli.spark.SparkOptions;
import org.harl.core.eval.EncoderEvaluation;
import org.harl.core.eval.LinearProbe;
import org.harl.core.eval.RunEvaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code harl eval linear}: the linear probe on frozen features. */
@Command(name = "linear", mixinStandardHelpOptions = true,
        description = {"Linear evaluation: multinomial logistic regression (L2, full-batch L-BFGS to convergence) on "
                + "standardised frozen GAP(C5) features of the training split, top-1/top-5 on the test split.",
            "Adds linear_top1, linear_top5, linear_train_top1, linear_iterations, linear_converged to summary.json."})
public final class EvalLinearCommand extends EvalSubcommand {

    private final EncoderEvaluation evaluation;

    @Mixin
    SparkOptions sparkOptions = new SparkOptions();

    @Option(names = "--l2", paramLabel = "LAMBDA", defaultValue = "1e-4",
            description = "L2 strength on the weights (default: ${DEFAULT-VALUE})")
    double l2;

    @Option(names = "--max-iterations", paramLabel = "N", defaultValue = "1000",
            description = "L-BFGS iteration cap (default: ${DEFAULT-VALUE})")
    int maxIterations;

    @Inject
    public EvalLinearCommand(EncoderEvaluation evaluation) {
        this.evaluation = evaluation;
    }

    @Override
    void evaluate(PrintWriter out) throws Exception {
        RunEvaluation.Options options = new RunEvaluation.Options(true, List.of(), 0.07,
                new LinearProbe.Options(l2, maxIterations, LinearProbe.Options.defaults().gradientTolerance()),
                common.trainLimit, common.testLimit);
        common.extractOnSpark(sparkOptions, out);
        evaluation.evaluate(common.runDir, options, common.extraction(), out);
    }
}
