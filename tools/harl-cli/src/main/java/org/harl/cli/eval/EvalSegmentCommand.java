package org.harl.cli.eval;

import jakarta.inject.Inject;
import org.harl.core.eval.downstream.DownstreamEvaluation;
import picocli.CommandLine.Command;

/** {@code harl eval segment}: semantic segmentation with a 1x1 convolution on frozen C5. */
@Command(name = "segment", mixinStandardHelpOptions = true,
        description = {"Semantic segmentation: per-pixel classes from the dataset's exact masks (the object's class "
                + "inside, background outside), a 1x1 convolution on frozen, channel-standardised C5 with bilinearly "
                + "upsampled logits, trained by Adam on per-pixel cross-entropy; mIoU over classes + background on "
                + "the test split.",
            "Adds seg_miou and seg_pixel_accuracy to summary.json."})
public final class EvalSegmentCommand extends HeadEvalCommand {

    @Inject
    public EvalSegmentCommand(DownstreamEvaluation evaluation) {
        super(evaluation, DownstreamEvaluation::segment, 10, 0.01);
    }
}
