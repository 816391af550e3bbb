package org.harl.plugins.deepmasks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.harl.spi.data.Sample;
import org.harl.spi.mask.MaskProposer;

/** Trains a saliency head on a frozen encoder and writes {@code <out>.params} and {@code <out>.json}. */
public final class SaliencyHeadJob {

    private SaliencyHeadJob() {
    }

    /**
     * @param encoder     the frozen encoder (not closed here)
     * @param samples     training images
     * @param targets     the proposer whose masks the head learns
     * @param targetsName how {@code targets} was specified, recorded in the JSON
     * @param out         the params file to write
     */
    public static SaliencyHeadInfo run(FeatureEncoder encoder, List<Sample> samples, MaskProposer targets,
            String targetsName, SaliencyHeadTraining.Settings settings, Path out, Consumer<String> log)
            throws IOException {
        SaliencyHeadTraining.Outcome o = new SaliencyHeadTraining(new EncoderGrid(encoder, 32), settings, log)
                .train(samples, targets);
        SaliencyHeadInfo info = new SaliencyHeadInfo(o.head().channels(), encoder.inputSide(), o.gridWidth(),
                o.gridHeight(), targetsName, samples.size(), settings.steps(), settings.learningRate(),
                settings.rounds(), settings.threshold(), settings.minComponent(), o.targetForeground(),
                o.fitLosses().get(o.fitLosses().size() - 1), encoder.stage().key());
        SaliencyHeadFiles.save(out, o.head(), info);
        return info;
    }
}
