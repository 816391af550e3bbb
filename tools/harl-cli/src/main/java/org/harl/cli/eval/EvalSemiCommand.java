package org.harl.cli.eval;

import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.util.List;
import org.harl.core.eval.downstream.DownstreamEvaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code harl eval semi}: semi-supervised fine-tuning on class-balanced label fractions. */
@Command(name = "semi", mixinStandardHelpOptions = true,
        description = {"Semi-supervised evaluation: fine-tune the whole encoder plus a linear head on GAP(C5) on a "
                + "class-balanced fraction of the training labels (fixed by the run's seed; SGD momentum 0.9, cosine "
                + "lr, evaluation views), top-1 on the test split; once per fraction, from the checkpoint each time.",
            "Adds semi_<p>pct_top1 and semi_<p>pct_labels per fraction (e.g. semi_1pct_top1) and semi_epochs to "
                + "summary.json."})
public final class EvalSemiCommand extends EvalSubcommand {

    private final DownstreamEvaluation evaluation;

    @Option(names = "--fractions", split = ",", paramLabel = "F", defaultValue = "0.01,0.1",
            description = "label fractions, comma-separated (default: ${DEFAULT-VALUE})")
    List<Double> fractions;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "30",
            description = "fine-tuning epochs over the labelled subset (default: ${DEFAULT-VALUE})")
    int epochs;

    @Option(names = "--lr", paramLabel = "LR", defaultValue = "0.05",
            description = "initial learning rate, cosine-decayed to 0 (default: ${DEFAULT-VALUE})")
    double lr;

    @Option(names = "--fine-tune-batch-size", paramLabel = "N", defaultValue = "64",
            description = "images per fine-tuning step (default: ${DEFAULT-VALUE})")
    int fineTuneBatch;

    @Inject
    public EvalSemiCommand(DownstreamEvaluation evaluation) {
        this.evaluation = evaluation;
    }

    @Override
    void evaluate(PrintWriter out) throws Exception {
        evaluation.semi(common.runDir, new DownstreamEvaluation.SemiOptions(fractions, epochs, lr, fineTuneBatch,
                common.testLimit), common.extraction(), out);
    }
}
