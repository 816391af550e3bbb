package org.harl.cli.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.harl.plugins.trackers.AtomicFiles;
import org.harl.core.sweep.PairedDiff;
import org.harl.core.sweep.ResultsCsv;

/**
 * The local ablation report of a sweep: a table of mean ± std per setting over seeds, a bar chart of the
 * accuracies with standard-deviation error bars, optionally the paired differences to a baseline setting
 * ({@link PairedSection}), and the mean loss curve per setting when the runs' metrics exist.
 */
public final class AblationReport {
    private static final List<String> OK_STATUSES = List.of("ok", "done", "completed", "finished", "success");

    private AblationReport() {
    }

    /** What was written. */
    public record Output(Path markdown, List<Path> charts) {
    }

    /** Without a paired comparison. */
    public static Output write(ResultsCsv.Table results, Path outDir, String title, String wandbSection)
            throws IOException {
        return write(results, outDir, title, wandbSection, null);
    }

    /** @param baseline the setting every other one is compared with seed by seed; null for no comparison */
    public static Output write(ResultsCsv.Table results, Path outDir, String title, String wandbSection, String baseline)
            throws IOException {
        List<String> settings = results.settings();
        Map<String, List<ResultsCsv.Row>> bySetting = new LinkedHashMap<>();
        for (ResultsCsv.Row r : results.rows()) {
            bySetting.computeIfAbsent(r.get("setting"), k -> new ArrayList<>()).add(r);
        }
        StringBuilder md = new StringBuilder("# Ablation report: ").append(title).append("\n\n");
        md.append("Generated ").append(ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
                .append(" from `").append(results.file()).append("`: ").append(results.rows().size())
                .append(" runs, ").append(settings.size()).append(" settings. Values are mean ± sample standard ")
                .append("deviation over the successful seeds that measured them; n counts those seeds.\n\n");
        List<String> header = new ArrayList<>(List.of("setting", "runs", "failed"));
        ResultsCsv.MEASURES.forEach(m -> header.add(m + " (n)"));
        List<List<String>> rows = new ArrayList<>();
        Map<String, Map<String, Stats>> stats = new LinkedHashMap<>();
        for (String setting : settings) {
            List<ResultsCsv.Row> runs = bySetting.get(setting);
            // runs a partial sweep has not reached yet are not failures
            long failed = runs.stream().filter(r -> !succeeded(r) && !notRun(r)).count();
            List<String> row = new ArrayList<>(List.of(setting, String.valueOf(runs.size()), String.valueOf(failed)));
            Map<String, Stats> perMeasure = new LinkedHashMap<>();
            for (String m : ResultsCsv.MEASURES) {
                List<Double> values = new ArrayList<>();
                runs.stream().filter(AblationReport::succeeded).forEach(r -> r.number(m).ifPresent(values::add));
                Stats s = Stats.of(values);
                perMeasure.put(m, s);
                row.add(Markdown.meanStd(s) + (s.n() > 0 ? " (" + s.n() + ")" : ""));
            }
            stats.put(setting, perMeasure);
            rows.add(row);
        }
        md.append("## Results per setting\n\n").append(Markdown.table(header, rows)).append('\n');
        List<Path> charts = new ArrayList<>();
        Path bars = outDir.resolve("accuracy_bars.png");
        if (accuracyBars(settings, stats, bars)) {
            charts.add(bars);
            md.append("## Accuracy per setting\n\n![accuracy per setting](").append(bars.getFileName())
                    .append(")\n\n");
        } else {
            md.append("No accuracy was measured yet (all knn/linear cells are empty), so there is no bar chart.\n\n");
        }
        if (baseline != null) {
            List<PairedDiff> diffs = PairedSection.compute(settings, bySetting, baseline);
            Path paired = outDir.resolve("paired_diff_bars.png");
            boolean drawn = PairedSection.chart(baseline, settings, diffs, paired);
            if (drawn) {
                charts.add(paired);
            }
            md.append(PairedSection.markdown(baseline, diffs, drawn ? paired.getFileName().toString() : null));
        }
        Path loss = outDir.resolve("loss_by_setting.png");
        if (lossCurves(results, bySetting, loss)) {
            charts.add(loss);
            md.append("## Mean training loss per setting\n\n![loss per setting](").append(loss.getFileName())
                    .append(")\n\n");
        }
        md.append("## Runs\n\n").append(runTable(results)).append('\n');
        if (wandbSection != null) {
            md.append("## Weights & Biases\n\n").append(wandbSection).append('\n');
        }
        Path markdown = outDir.resolve("report.md");
        AtomicFiles.write(markdown, md.toString());
        return new Output(markdown, charts);
    }

    /** A blank status counts as success (older result files). */
    static boolean notRun(ResultsCsv.Row r) {
        return r.get("status").trim().equalsIgnoreCase("not_run");
    }

    static boolean succeeded(ResultsCsv.Row r) {
        String status = r.get("status").trim().toLowerCase(Locale.ROOT);
        return status.isEmpty() || OK_STATUSES.contains(status);
    }

    private static boolean accuracyBars(List<String> settings, Map<String, Map<String, Stats>> stats, Path png)
            throws IOException {
        List<Charts.Bars> bars = new ArrayList<>();
        for (String measure : List.of("knn_top1", "linear_top1", "knn_top5", "linear_top5")) {
            if (stats.values().stream().noneMatch(m -> m.get(measure).n() > 0)) {
                continue;
            }
            List<Double> values = new ArrayList<>();
            List<Double> errors = new ArrayList<>();
            for (String s : settings) {
                values.add(stats.get(s).get(measure).mean());
                errors.add(stats.get(s).get(measure).std());
            }
            bars.add(new Charts.Bars(measure, values, errors));
        }
        if (bars.isEmpty()) {
            return false;
        }
        Charts.save(Charts.barChart("Accuracy per setting (mean ± std over seeds)", "accuracy", settings, bars), png);
        return true;
    }

    /** The loss averaged over a setting's seeds at each step, from each run's metrics.jsonl when present. */
    private static boolean lossCurves(ResultsCsv.Table results, Map<String, List<ResultsCsv.Row>> bySetting, Path png)
            throws IOException {
        List<Charts.Line> lines = new ArrayList<>();
        for (Map.Entry<String, List<ResultsCsv.Row>> e : bySetting.entrySet()) {
            TreeMap<Double, double[]> sums = new TreeMap<>();
            for (ResultsCsv.Row row : e.getValue()) {
                Path dir = results.runDir(row);
                if (!Files.exists(dir.resolve("metrics.jsonl"))) {
                    continue;
                }
                RunMetrics run = RunMetrics.load(dir);
                RunMetrics.Series s = run.series(PretrainReport.lossKey(run));
                for (int i = 0; i < s.steps().length; i++) {
                    double[] acc = sums.computeIfAbsent(s.steps()[i], k -> new double[2]);
                    acc[0] += s.values()[i];
                    acc[1]++;
                }
            }
            if (!sums.isEmpty()) {
                double[] x = sums.keySet().stream().mapToDouble(Double::doubleValue).toArray();
                double[] y = sums.values().stream().mapToDouble(a -> a[0] / a[1]).toArray();
                lines.add(new Charts.Line(e.getKey(), new RunMetrics.Series(x, y)));
            }
        }
        if (lines.isEmpty()) {
            return false;
        }
        Charts.save(Charts.lineChart("Training loss (mean over seeds)", "loss", lines), png);
        return true;
    }

    private static String runTable(ResultsCsv.Table results) {
        List<List<String>> rows = new ArrayList<>();
        for (ResultsCsv.Row r : results.rows()) {
            List<String> row = new ArrayList<>();
            for (String c : ResultsCsv.COLUMNS) {
                row.add(r.get(c).isBlank() ? "–" : r.get(c));
            }
            rows.add(row);
        }
        return Markdown.table(ResultsCsv.COLUMNS, rows);
    }
}
