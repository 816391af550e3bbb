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

/** {@code harl eval knn}: weighted kNN on frozen features. */
@Command(name = "knn", mixinStandardHelpOptions = true,
        description = {"kNN evaluation: cosine similarity to the training split's frozen GAP(C5) features, the k "
                + "nearest vote with weight exp(similarity / T); top-1/top-5 on the test split.",
            "Adds knn<k>_top1, knn<k>_top5 for each k, and knn_top1, knn_top5 for the first k, to summary.json."})
public final class EvalKnnCommand extends EvalSubcommand {

    private final EncoderEvaluation evaluation;

    @Mixin
    SparkOptions sparkOptions = new SparkOptions();

    @Option(names = "--k", split = ",", paramLabel = "K", defaultValue = "20,200",
            description = "neighbour counts, comma-separated (default: ${DEFAULT-VALUE})")
    List<Integer> ks;

    @Option(names = "--temperature", paramLabel = "T", defaultValue = "0.07",
            description = "vote temperature (default: ${DEFAULT-VALUE})")
    double temperature;

    @Inject
    public EvalKnnCommand(EncoderEvaluation evaluation) {
        this.evaluation = evaluation;
    }

    @Override
    void evaluate(PrintWriter out) throws Exception {
        RunEvaluation.Options options = new RunEvaluation.Options(false, ks, temperature,
                LinearProbe.Options.defaults(), common.trainLimit, common.testLimit);
        common.extractOnSpark(sparkOptions, out);
        evaluation.evaluate(common.runDir, options, common.extraction(), out);
    }
}
