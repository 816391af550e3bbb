package org.harl.cli.report;

import org.harl.core.sweep.PairedDiff;
import org.harl.core.sweep.ResultsCsv;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The ablation report's paired comparison of every setting with a baseline setting, per seed, and its chart. */
final class PairedSection {

    static final List<String> MEASURES = PairedDiff.OUTCOMES;

    private PairedSection() {
    }

    /** Every non-baseline setting against the baseline, for each measure that some run of the two measured. */
    static List<PairedDiff> compute(List<String> settings, Map<String, List<ResultsCsv.Row>> bySetting,
                                    String baseline) {
        if (!bySetting.containsKey(baseline)) {
            throw new IllegalArgumentException("--baseline " + baseline + ": no such setting in the sweep (settings: "
                    + String.join(", ", settings) + ")");
        }
        List<PairedDiff> out = new ArrayList<>();
        for (String measure : MEASURES) {
            Map<String, Double> base = bySeed(bySetting.get(baseline), measure);
            for (String setting : settings) {
                Map<String, Double> values = bySeed(bySetting.get(setting), measure);
                if (!setting.equals(baseline) && !(values.isEmpty() && base.isEmpty())) {
                    out.add(PairedDiff.of(setting, measure, values, base));
                }
            }
        }
        return out;
    }

    /** The Markdown section; {@code chart} is the file name of the chart, or null when there is none. */
    static String markdown(String baseline, List<PairedDiff> diffs, String chart) {
        StringBuilder md = new StringBuilder("## Paired differences to `").append(baseline).append("`\n\n");
        md.append("Each setting minus `").append(baseline).append("`, seed by seed over the seeds both completed ")
                .append("(runs of one seed share data order, augmentation draws and initial weights); n counts ")
                .append("those seeds. Mean of the differences and its two-sided 95 % Student-t interval ")
                .append("(mean ± t(0.975, n − 1) · sd / √n); no interval below 2 shared seeds. CI vs 0: whether the ")
                .append("interval lies above or below 0 ")
                .append("(the setting beats or trails the baseline at that level) or spans it (undecided).\n\n");
        if (diffs.isEmpty()) {
            return md.append("No metric was measured by both a setting and the baseline.\n\n").toString();
        }
        List<List<String>> rows = new ArrayList<>();
        for (PairedDiff d : diffs) {
            List<String> perSeed = new ArrayList<>();
            for (int i = 0; i < d.n(); i++) {
                perSeed.add(d.seeds().get(i) + ": " + signed(d.diffs().get(i)));
            }
            rows.add(List.of(d.setting(), d.measure(), String.valueOf(d.n()),
                    perSeed.isEmpty() ? "–" : String.join(", ", perSeed), signed(d.mean()),
                    d.hasInterval() ? "[" + signed(d.mean() - d.halfWidth()) + ", " + signed(d.mean() + d.halfWidth())
                            + "]" : "– (n < 2)", d.intervalVsZero()));
        }
        md.append(Markdown.table(List.of("setting", "metric", "n", "diff per seed", "mean diff", "95 % CI",
                "CI vs 0"), rows))
                .append('\n');
        if (chart != null) {
            md.append("![paired differences](").append(chart).append(")\n\n");
        }
        return md.toString();
    }

    /** Bars of the mean differences with their 95 % half-widths; false (nothing written) when no pair exists. */
    static boolean chart(String baseline, List<String> settings, List<PairedDiff> diffs, Path png)
            throws IOException {
        List<String> categories = settings.stream().filter(s -> !s.equals(baseline)).toList();
        List<Charts.Bars> bars = new ArrayList<>();
        for (String measure : MEASURES) {
            List<Double> values = new ArrayList<>();
            List<Double> errors = new ArrayList<>();
            boolean any = false;
            for (String setting : categories) {
                PairedDiff d = diffs.stream().filter(x -> x.setting().equals(setting) && x.measure().equals(measure))
                        .findFirst().orElse(null);
                values.add(d == null ? Double.NaN : d.mean());
                errors.add(d == null ? Double.NaN : d.halfWidth());
                any |= d != null && d.n() > 0;
            }
            if (any) {
                bars.add(new Charts.Bars(measure, values, errors));
            }
        }
        if (bars.isEmpty() || categories.isEmpty()) {
            return false;
        }
        Charts.save(Charts.barChart("Paired difference to " + baseline + " (mean, 95 % t-interval over shared seeds)",
                "difference", categories, bars), png);
        return true;
    }

    /** The measured value of each successful run of a setting, by seed (a repeated seed: its last row). */
    static Map<String, Double> bySeed(List<ResultsCsv.Row> runs, String measure) {
        Map<String, Double> out = new TreeMap<>(PairedDiff.SEED_ORDER);
        for (ResultsCsv.Row r : runs) {
            if (AblationReport.succeeded(r)) {
                r.number(measure).ifPresent(v -> out.put(r.get("seed").trim(), v));
            }
        }
        return out;
    }

    private static String signed(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%+.4f", v);
    }
}
