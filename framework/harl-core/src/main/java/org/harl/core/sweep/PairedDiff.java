package org.harl.core.sweep;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One metric of one setting minus the baseline setting, seed by seed over the seeds both measured (runs of one seed
 * share data order, augmentation draws and initial weights, so the difference cancels the seed's luck).
 *
 * @param seeds     the shared seeds, in seed order
 * @param diffs     setting - baseline for each shared seed
 * @param std       sample standard deviation of the diffs (NaN below 2 seeds)
 * @param halfWidth half-width of the two-sided 95 % Student-t interval of the mean diff (NaN below 2 seeds)
 */
public record PairedDiff(String setting, String measure, List<String> seeds, List<Double> diffs, double mean,
                         double std, double halfWidth) {

    /** The outcome metrics compared with a baseline (epochs, wall time and untrained columns are not outcomes). */
    public static final List<String> OUTCOMES = List.of("linear_top1", "linear_top5", "knn_top1", "knn_top5",
            "semi_1pct_top1", "semi_10pct_top1", "seg_miou", "det_ap50");

    /** Two-sided confidence level of {@link #halfWidth}. */
    public static final double LEVEL = 0.95;

    public int n() {
        return diffs.size();
    }

    public boolean hasInterval() {
        return n() >= 2;
    }

    /**
     * Where the 95 % interval lies relative to no difference: "above 0" or "below 0" when it excludes 0 (the setting
     * is better or worse than the baseline at that level), "spans 0" when it does not decide, "–" without interval.
     */
    public String intervalVsZero() {
        if (!hasInterval()) {
            return "–";
        }
        if (mean - halfWidth > 0) {
            return "above 0";
        }
        return mean + halfWidth < 0 ? "below 0" : "spans 0";
    }

    /** Pairs {@code values} with {@code baseline} (both by seed). */
    public static PairedDiff of(String setting, String measure, Map<String, Double> values,
                                Map<String, Double> baseline) {
        TreeMap<String, Double> shared = new TreeMap<>(SEED_ORDER);
        values.forEach((seed, v) -> {
            Double b = baseline.get(seed);
            if (b != null) {
                shared.put(seed, v - b);
            }
        });
        List<Double> diffs = new ArrayList<>(shared.values());
        int n = diffs.size();
        double mean = n == 0 ? Double.NaN : diffs.stream().mapToDouble(Double::doubleValue).sum() / n;
        double std = Double.NaN;
        double half = Double.NaN;
        if (n >= 2) {
            double ss = diffs.stream().mapToDouble(d -> (d - mean) * (d - mean)).sum();
            std = Math.sqrt(ss / (n - 1));
            half = StudentT.quantile(1 - (1 - LEVEL) / 2, n - 1) * std / Math.sqrt(n);
        }
        return new PairedDiff(setting, measure, List.copyOf(shared.keySet()), List.copyOf(diffs), mean, std, half);
    }

    /** Numeric seeds by value, then any others by name. */
    public static final Comparator<String> SEED_ORDER = (a, b) -> {
        Long x = parse(a);
        Long y = parse(b);
        if (x != null && y != null) {
            return Long.compare(x, y);
        }
        if (x != null || y != null) {
            return x != null ? -1 : 1;
        }
        return a.compareTo(b);
    };

    private static Long parse(String s) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
