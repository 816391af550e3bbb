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

/** {@code harl eval detect}: single-object detection (class and box) from frozen C5. */
@Command(name = "detect", mixinStandardHelpOptions = true,
        description = {"Detection: one linear map from the flattened, channel-standardised frozen C5 to class logits "
                + "and a box (the exact mask's bounding box), trained by Adam on cross-entropy + 5 x L1; each test "
                + "image gives one detection (most probable class, its probability as confidence); AP50 per class "
                + "over confidence-ranked detections (true positive: right class and IoU >= 0.5), mean over classes.",
            "Adds det_ap50 to summary.json."})
public final class EvalDetectCommand implements Callable<Integer> {

    private final DownstreamEvaluation evaluation;

    @Spec
    CommandSpec spec;

    @Mixin
    EvalOptions common;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "30",
            description = "head training epochs (default: ${DEFAULT-VALUE})")
    int epochs;

    @Option(names = "--lr", paramLabel = "LR", defaultValue = "0.001",
            description = "Adam learning rate (default: ${DEFAULT-VALUE})")
    double lr;

    @Option(names = "--head-batch-size", paramLabel = "N", defaultValue = "128",
            description = "images per head training step (default: ${DEFAULT-VALUE})")
    int headBatch;

    @Inject
    public EvalDetectCommand(DownstreamEvaluation evaluation) {
        this.evaluation = evaluation;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        evaluation.detect(common.runDir, new DownstreamEvaluation.HeadOptions(epochs, lr, headBatch,
                common.trainLimit, common.testLimit), common.extraction(), out);
        out.println("results added to " + common.runDir.resolve("summary.json"));
        out.flush();
        return 0;
    }
}
