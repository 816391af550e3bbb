package org.harl.core.eval;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.harl.core.config.MonitorConfig;
import org.harl.core.eval.EncoderEvaluation.Extraction;

/**
 * The end of a run: the linear probe and kNN of the trained encoder against the untrained one of the same seed
 * (same architecture and initialisation), fitted on a few thousand training images and scored on held-out test
 * images. What a run learned, measured the same way before and after it, in seconds; features are not cached.
 */
@Singleton
public final class FinalProbe {

    /** Summary keys. */
    public static final String LINEAR = "final_probe_linear_top1";
    public static final String LINEAR_UNTRAINED = "final_probe_linear_top1_untrained";
    public static final String KNN = "final_probe_knn_top1";
    public static final String KNN_UNTRAINED = "final_probe_knn_top1_untrained";
    public static final String TRAIN_LIMIT = "final_probe_train_limit";
    public static final String TEST_LIMIT = "final_probe_test_limit";

    private final EncoderEvaluation evaluation;

    @Inject
    public FinalProbe(EncoderEvaluation evaluation) {
        this.evaluation = evaluation;
    }

    /** Scores both encoders of the run in {@code runDir}; returns the summary keys (the caller records them). */
    public Map<String, Object> score(Path runDir, MonitorConfig monitor, int workers) throws Exception {
        RunEvaluation.Options options = new RunEvaluation.Options(true, List.of(monitor.k()), monitor.temperature(),
                LinearProbe.Options.defaults(), monitor.probeTrainSize(), monitor.probeTestSize());
        PrintWriter quiet = new PrintWriter(Writer.nullWriter());
        Map<String, Object> trained = evaluation.measure(runDir, options,
                new Extraction(List.of(), 256, workers, false), quiet, FeatureCache.none());
        Map<String, Object> untrained = evaluation.measure(runDir, options,
                new Extraction(List.of(), 256, workers, true), quiet, FeatureCache.none());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(LINEAR_UNTRAINED, untrained.get("random_init_linear_top1"));
        out.put(LINEAR, trained.get("linear_top1"));
        out.put(KNN_UNTRAINED, untrained.get("random_init_knn_top1"));
        out.put(KNN, trained.get("knn_top1"));
        out.put(TRAIN_LIMIT, monitor.probeTrainSize());
        out.put(TEST_LIMIT, monitor.probeTestSize());
        return out;
    }

    /** "linear probe: untrained 38.40 % -> trained 44.60 % (+6.20)", and the same for kNN. */
    public static List<String> lines(Map<String, Object> probe) {
        return List.of(line("linear probe", probe.get(LINEAR_UNTRAINED), probe.get(LINEAR)),
                line("kNN top-1", probe.get(KNN_UNTRAINED), probe.get(KNN)));
    }

    private static String line(String what, Object before, Object after) {
        double b = 100 * ((Number) before).doubleValue();
        double a = 100 * ((Number) after).doubleValue();
        return String.format(Locale.ROOT, "%s: untrained %.2f %% -> trained %.2f %% (%+.2f)", what, b, a, a - b);
    }
}
