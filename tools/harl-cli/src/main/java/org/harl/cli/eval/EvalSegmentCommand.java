package org.harl.cli.eval;

import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.harl.core.eval.downstream.DownstreamEvaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code harl eval segment}: semantic segmentation with a 1x1 convolution on frozen C5. */
@Command(name = "segment", mixinStandardHelpOptions = true,
        description = {"Semantic segmentation: per-pixel classes from the dataset's exact masks (the object's class "
                + "inside, background outside), a 1x1 convolution on frozen, channel-standardised C5 with bilinearly "
                + "upsampled logits, trained by Adam on per-pixel cross-entropy; mIoU over classes + background on "
                + "the test split.",
            "Adds seg_miou and seg_pixel_accuracy to summary.json."})
public final class EvalSegmentCommand implements Callable<Integer> {

    private final DownstreamEvaluation evaluation;

    @Spec
    CommandSpec spec;

    @Mixin
    EvalOptions common;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "10",
            description = "head training epochs (default: ${DEFAULT-VALUE})")
    int epochs;

    @Option(names = "--lr", paramLabel = "LR", defaultValue = "0.01",
            description = "Adam learning rate (default: ${DEFAULT-VALUE})")
    double lr;

    @Option(names = "--head-batch-size", paramLabel = "N", defaultValue = "128",
            description = "images per head training step (default: ${DEFAULT-VALUE})")
    int headBatch;

    @Inject
    public EvalSegmentCommand(DownstreamEvaluation evaluation) {
        this.evaluation = evaluation;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        evaluation.segment(common.runDir, new DownstreamEvaluation.HeadOptions(epochs, lr, headBatch,
                common.trainLimit, common.testLimit), common.extraction(), out);
        out.println("results added to " + common.runDir.resolve("summary.json"));
        out.flush();
        return 0;
    }
}
