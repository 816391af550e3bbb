package org.harl.core.sweep;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.harl.core.eval.EncoderEvaluation;
import org.harl.core.eval.EncoderEvaluation.Extraction;
import org.harl.core.eval.LinearProbe;
import org.harl.core.eval.RunEvaluation;

/**
 * What a sweep runs after each run: linear probe and kNN (k = 20, 200; T = 0.07) on the whole splits, for the
 * trained encoder and for a randomly initialised one of the same seed (keys {@code random_init_*}), so that every
 * sweep table carries its own random-initialisation baseline.
 */
@Singleton
public final class SweepEvaluator implements RunEvaluator {

    private final EncoderEvaluation evaluation;

    @Inject
    public SweepEvaluator(EncoderEvaluation evaluation) {
        this.evaluation = evaluation;
    }

    @Override
    public Map<String, Object> evaluate(Path runDir) throws Exception {
        RunEvaluation.Options options = new RunEvaluation.Options(true, List.of(20, 200), 0.07,
                LinearProbe.Options.defaults(), 0, 0);
        PrintWriter log = new PrintWriter(System.out, true);
        Map<String, Object> out = new LinkedHashMap<>(evaluation.evaluate(runDir, options, Extraction.defaults(), log));
        Extraction untrained = new Extraction(List.of(), 256, 2, true);
        out.putAll(evaluation.evaluate(runDir, options, untrained, log));
        return out;
    }
}
