package org.harl.cli.eval;

import jakarta.inject.Inject;
import org.harl.core.eval.downstream.DownstreamEvaluation;
import picocli.CommandLine.Command;

/** {@code harl eval detect}: single-object detection (class and box) from frozen C5. */
@Command(name = "detect", mixinStandardHelpOptions = true,
        description = {"Detection: one linear map from the flattened, channel-standardised frozen C5 to class logits "
                + "and a box (the exact mask's bounding box), trained by Adam on cross-entropy + 5 x L1; each test "
                + "image gives one detection (most probable class, its probability as confidence); AP50 per class "
                + "over confidence-ranked detections (true positive: right class and IoU >= 0.5), mean over classes.",
            "Adds det_ap50 to summary.json."})
public final class EvalDetectCommand extends HeadEvalCommand {

    @Inject
    public EvalDetectCommand(DownstreamEvaluation evaluation) {
        super(evaluation, DownstreamEvaluation::detect, 30, 0.001);
    }
}
