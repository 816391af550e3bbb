package org.harl.plugins.deepmasks;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.harl.spi.mask.MaskModelTrainer;

/** The {@code saliency_head} proposer's trainer, as the core's saliency training job finds it (ServiceLoader). */
public final class SaliencyHeadModelTrainer implements MaskModelTrainer {

    @Override
    public String proposer() {
        return SaliencyHeadFiles.DEFAULT_NAME;
    }

    @Override
    public String defaultFileName() {
        return SaliencyHeadFiles.DEFAULT_NAME + ".params";
    }

    @Override
    public Trained train(Request request, Consumer<String> log) throws IOException {
        SaliencyHeadTraining.Settings defaults = SaliencyHeadTraining.Settings.defaults();
        SaliencyHeadTraining.Settings settings = new SaliencyHeadTraining.Settings(request.steps(),
                request.learningRate(), request.rounds(), defaults.threshold(), defaults.minComponent());
        try (FeatureEncoder encoder = RunEncoders.open(request.context(), request.runDirectory(),
                request.featureStage())) {
            SaliencyHeadInfo info = SaliencyHeadJob.run(encoder, request.samples(), request.targets(),
                    request.targetsName(), settings, request.out(), log);
            return new Trained(List.of(request.out(), SaliencyHeadFiles.infoFile(request.out())), String.format(
                    Locale.ROOT, "%s, C=%d, grid %dx%d, target foreground %.3f, final balanced BCE %.4f", info.featureStage(),
                    info.channels(), info.gridWidth(), info.gridHeight(), info.targetForeground(), info.finalLoss()));
        }
    }
}
