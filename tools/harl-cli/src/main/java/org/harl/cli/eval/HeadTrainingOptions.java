package org.harl.cli.eval;

import org.harl.core.eval.downstream.DownstreamEvaluation;
import picocli.CommandLine.Option;

/**
 * Training options of a downstream head on frozen C5 ({@code harl eval detect}, {@code segment}). Each command
 * creates its mixin with its own defaults, which picocli shows in the help.
 */
final class HeadTrainingOptions {

    @Option(names = "--epochs", paramLabel = "N", description = "head training epochs (default: ${DEFAULT-VALUE})")
    int epochs;

    @Option(names = "--lr", paramLabel = "LR", description = "Adam learning rate (default: ${DEFAULT-VALUE})")
    double lr;

    @Option(names = "--head-batch-size", paramLabel = "N",
            description = "images per head training step (default: ${DEFAULT-VALUE})")
    int headBatch = 128;

    HeadTrainingOptions(int epochs, double lr) {
        this.epochs = epochs;
        this.lr = lr;
    }

    DownstreamEvaluation.HeadOptions with(EvalOptions common) {
        return new DownstreamEvaluation.HeadOptions(epochs, lr, headBatch, common.trainLimit, common.testLimit);
    }
}
