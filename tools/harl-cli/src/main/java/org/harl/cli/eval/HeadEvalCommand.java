package org.harl.cli.eval;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.harl.core.eval.EncoderEvaluation;
import org.harl.core.eval.downstream.DownstreamEvaluation;
import picocli.CommandLine.Mixin;

/**
 * A downstream head trained on frozen C5 ({@code harl eval detect}, {@code segment}): the head's training options
 * with the subcommand's defaults, and the evaluation it runs.
 */
abstract class HeadEvalCommand extends EvalSubcommand {

    /** One of {@link DownstreamEvaluation}'s head evaluations, e.g. {@code DownstreamEvaluation::detect}. */
    interface HeadEvaluation {
        Object run(DownstreamEvaluation evaluation, Path runDir, DownstreamEvaluation.HeadOptions head,
                EncoderEvaluation.Extraction extraction, PrintWriter out) throws Exception;
    }

    private final DownstreamEvaluation evaluation;
    private final HeadEvaluation task;

    @Mixin
    HeadTrainingOptions head;

    HeadEvalCommand(DownstreamEvaluation evaluation, HeadEvaluation task, int epochs, double lr) {
        this.evaluation = evaluation;
        this.task = task;
        this.head = new HeadTrainingOptions(epochs, lr);
    }

    @Override
    void evaluate(PrintWriter out) throws Exception {
        task.run(evaluation, common.runDir, head.with(common), common.extraction(), out);
    }
}
