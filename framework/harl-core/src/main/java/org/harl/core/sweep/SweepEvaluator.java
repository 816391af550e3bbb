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
import org.harl.core.eval.downstream.DownstreamEvaluation;

/**
 * What a sweep runs after each run: by default linear probe and kNN (k = 20, 200; T = 0.07) on the whole splits;
 * an ablation's {@code sweep.evaluations} may add the downstream evaluations (semi, segment, detect) with their
 * default settings. Each runs for the trained encoder and for a randomly initialised one of the same seed (keys
 * {@code random_init_*}), so that every sweep table carries its own random-initialisation baseline; the latter once
 * per distinct untrained encoder of the sweep ({@link RandomInitCache}).
 */
@Singleton
public final class SweepEvaluator implements RunEvaluator {

    private final EncoderEvaluation evaluation;
    private final DownstreamEvaluation downstream;

    @Inject
    public SweepEvaluator(EncoderEvaluation evaluation, DownstreamEvaluation downstream) {
        this.evaluation = evaluation;
        this.downstream = downstream;
    }

    @Override
    public Map<String, Object> evaluate(Path runDir) throws Exception {
        return evaluate(runDir, SweepEvaluations.DEFAULT);
    }

    @Override
    public Map<String, Object> evaluate(Path runDir, List<String> evaluations) throws Exception {
        PrintWriter log = new PrintWriter(System.out, true);
        Map<String, Object> out = new LinkedHashMap<>(evaluate(runDir, evaluations, Extraction.defaults(), log));
        out.putAll(new RandomInitCache(runDir).computeIfAbsent(runDir, evaluations,
                () -> evaluate(runDir, evaluations, new Extraction(List.of(), 256, 2, true), log),
                file -> log.println("random-init evaluations: the same untrained encoder as an earlier run of this "
                        + "sweep (" + file.getFileName() + ")")));
        return out;
    }

    private Map<String, Object> evaluate(Path runDir, List<String> evaluations, Extraction e, PrintWriter log)
            throws Exception {
        Map<String, Object> out = new LinkedHashMap<>();
        boolean linear = evaluations.contains(SweepEvaluations.LINEAR);
        boolean knn = evaluations.contains(SweepEvaluations.KNN);
        if (linear || knn) {
            RunEvaluation.Options options = new RunEvaluation.Options(linear, knn ? List.of(20, 200) : List.of(),
                    0.07, LinearProbe.Options.defaults(), 0, 0);
            out.putAll(evaluation.evaluate(runDir, options, e, log));
        }
        if (evaluations.contains(SweepEvaluations.SEMI)) {
            out.putAll(downstream.semi(runDir, DownstreamEvaluation.SemiOptions.defaults(), e, log));
        }
        if (evaluations.contains(SweepEvaluations.SEGMENT)) {
            out.putAll(downstream.segment(runDir, DownstreamEvaluation.HeadOptions.segmentationDefaults(), e, log));
        }
        if (evaluations.contains(SweepEvaluations.DETECT)) {
            out.putAll(downstream.detect(runDir, DownstreamEvaluation.HeadOptions.detectionDefaults(), e, log));
        }
        return out;
    }
}
