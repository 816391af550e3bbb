package org.harl.core.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.harl.core.config.ConfigErrors;
import org.harl.core.config.ConfigNode;
import org.harl.core.config.ConfigNode.ListNode;
import org.harl.core.config.ConfigNode.ScalarNode;
import org.harl.core.eval.downstream.DownstreamEvaluation;

/**
 * The evaluations a sweep runs after each run, named by an ablation's {@code sweep.evaluations} list (default
 * {@link #DEFAULT}), and the summary key whose presence means a run already has that evaluation.
 */
public final class SweepEvaluations {

    public static final String LINEAR = "linear";
    public static final String KNN = "knn";
    public static final String SEMI = "semi";
    public static final String SEGMENT = "segment";
    public static final String DETECT = "detect";

    /** What a sweep without {@code evaluations} runs. */
    public static final List<String> DEFAULT = List.of(LINEAR, KNN);

    /** Each evaluation's marker key, in the order evaluations run. */
    static final Map<String, String> MARKER_KEYS = markers();

    private SweepEvaluations() {
    }

    private static Map<String, String> markers() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(LINEAR, "linear_top1");
        m.put(KNN, "knn_k"); // knn_top1 alone may be the training monitor's (EncoderEvaluation)
        m.put(SEMI, DownstreamEvaluation.semiKey(DownstreamEvaluation.SemiOptions.defaults().fractions().get(0)));
        m.put(SEGMENT, DownstreamEvaluation.SEG_MIOU);
        m.put(DETECT, DownstreamEvaluation.DET_AP50);
        return m;
    }

    /** The evaluations whose marker key {@code summary} lacks. */
    static List<String> missing(List<String> evaluations, Map<String, Object> summary) {
        return evaluations.stream().filter(e -> !summary.containsKey(MARKER_KEYS.get(e))).toList();
    }

    /**
     * The evaluations a run directory still needs: those lacking the trained encoder's marker key or the
     * random-initialisation one ({@code random_init_<marker>}), which a sweep killed between the two phases leaves
     * out. Records are checked with {@link #missing} only: a record never retrains for its random-init keys.
     */
    static List<String> missingWithRandomInit(List<String> evaluations, Map<String, Object> summary) {
        return evaluations.stream().filter(e -> !summary.containsKey(MARKER_KEYS.get(e))
                || !summary.containsKey("random_init_" + MARKER_KEYS.get(e))).toList();
    }

    /** Parses {@code sweep.evaluations}: a non-empty list of known names, each once. */
    static List<String> parse(ConfigNode node, ConfigErrors errors) {
        List<String> out = new ArrayList<>();
        if (!(node instanceof ListNode list) || list.items().isEmpty()) {
            errors.add(node.origin(), "sweep.evaluations", "must be a non-empty list of " + String.join(", ",
                    MARKER_KEYS.keySet()));
            return DEFAULT;
        }
        for (ConfigNode item : list.items()) {
            Object v = item instanceof ScalarNode s ? s.value() : null;
            if (!(v instanceof String name) || !MARKER_KEYS.containsKey(name)) {
                errors.add(item.origin(), "sweep.evaluations", "unknown evaluation '" + item.toPlain()
                        + "'; known: " + String.join(", ", MARKER_KEYS.keySet()));
            } else if (out.contains(name)) {
                errors.add(item.origin(), "sweep.evaluations", "'" + name + "' is listed twice");
            } else {
                out.add(name);
            }
        }
        return out;
    }
}
