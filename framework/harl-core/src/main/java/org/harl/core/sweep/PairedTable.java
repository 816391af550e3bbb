package org.harl.core.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** results.md's paired section: each setting minus the sweep's baseline setting, seed by seed ({@link PairedDiff}). */
final class PairedTable {

    private PairedTable() {
    }

    /** The section for the completed runs among {@code outcomes}; accuracies in points (%). */
    static String markdown(List<RunOutcome> outcomes, String baseline) {
        Map<String, List<RunOutcome>> bySetting = new LinkedHashMap<>();
        outcomes.forEach(o -> bySetting.computeIfAbsent(o.run().setting(), k -> new ArrayList<>()).add(o));
        StringBuilder md = new StringBuilder("\n## Paired differences to `").append(baseline).append("`\n\n")
                .append("Setting minus `").append(baseline).append("`, seed by seed over the seeds both completed ")
                .append("(the runs of a seed share initial weights, data order and augmentation draws); mean and ")
                .append("two-sided 95 % Student-t interval (mean ± t(0.975, n − 1) · sd / √n), in points; none ")
                .append("below 2 shared seeds. The last column says whether the interval excludes no difference.\n\n")
                .append("| setting | metric | n | mean diff | 95 % interval | interval vs 0 |\n")
                .append("|---|---|---|---|---|---|\n");
        int rows = 0;
        for (String measure : PairedDiff.OUTCOMES) {
            Map<String, Double> base = bySeed(bySetting.getOrDefault(baseline, List.of()), measure);
            for (Map.Entry<String, List<RunOutcome>> e : bySetting.entrySet()) {
                Map<String, Double> values = bySeed(e.getValue(), measure);
                if (e.getKey().equals(baseline) || values.isEmpty() || base.isEmpty()) {
                    continue;
                }
                PairedDiff d = PairedDiff.of(e.getKey(), measure, values, base);
                String interval = d.hasInterval()
                        ? "[" + points(d.mean() - d.halfWidth()) + ", " + points(d.mean() + d.halfWidth()) + "]" : "–";
                md.append("| ").append(String.join(" | ", d.setting(), measure, String.valueOf(d.n()),
                        points(d.mean()), interval, d.intervalVsZero())).append(" |\n");
                rows++;
            }
        }
        return rows == 0
                ? md.append("| – | no metric measured by both a setting and the baseline | | | | |\n").toString()
                : md.toString();
    }

    private static Map<String, Double> bySeed(List<RunOutcome> runs, String measure) {
        Map<String, Double> out = new TreeMap<>(PairedDiff.SEED_ORDER);
        for (RunOutcome o : runs) {
            if (o.status().equals("completed") && o.summary().get(measure) instanceof Number n) {
                out.put(Long.toString(o.run().seed()), n.doubleValue());
            }
        }
        return out;
    }

    private static String points(double fraction) {
        return Double.isNaN(fraction) ? "–" : String.format(Locale.ROOT, "%+.2f", 100 * fraction);
    }
}
