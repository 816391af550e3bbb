package org.harl.cli.report;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.harl.plugins.trackers.AtomicFiles;
import org.knowm.xchart.XYChart;

/**
 * The local pretraining report: {@code report.md} with a table of the runs' summaries and PNG charts of loss
 * terms, schedules (lr, τ, α, β) and kNN/linear accuracy over steps.
 */
public final class PretrainReport {
    static final List<String> PREFERRED_SUMMARY = List.of("knn_top1", "knn_top5", "linear_top1", "linear_top5",
            "epochs", "wall_s");

    private PretrainReport() {
    }

    /** What was written. */
    public record Output(Path markdown, List<Path> charts) {
    }

    public static Output write(List<RunMetrics> runs, Path outDir, String wandbSection) throws IOException {
        List<Path> charts = new ArrayList<>();
        StringBuilder md = new StringBuilder("# Pretraining report\n\n");
        md.append("Generated ").append(ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
                .append(" from ").append(runs.size()).append(runs.size() == 1 ? " run" : " runs").append(".\n\n");
        md.append("## Runs\n\n").append(summaryTable(runs)).append('\n');
        for (MetricGroup group : MetricGroup.values()) {
            Path png = outDir.resolve(group.fileStem() + ".png");
            if (chart(runs, group, png)) {
                charts.add(png);
                md.append("## ").append(group.title()).append("\n\n![").append(group.title()).append("](")
                        .append(png.getFileName()).append(")\n\n");
            }
        }
        if (charts.isEmpty()) {
            md.append("No metrics were logged (metrics.jsonl is empty), so there are no charts.\n\n");
        }
        if (wandbSection != null) {
            md.append("## Weights & Biases\n\n").append(wandbSection).append("\n");
        }
        Path markdown = outDir.resolve("report.md");
        AtomicFiles.write(markdown, md.toString());
        return new Output(markdown, charts);
    }

    static String summaryTable(List<RunMetrics> runs) {
        Set<String> keys = new LinkedHashSet<>();
        for (String k : PREFERRED_SUMMARY) {
            if (runs.stream().anyMatch(r -> r.summaryNumber(k).isPresent())) {
                keys.add(k);
            }
        }
        for (RunMetrics r : runs) {
            r.summary().forEach((k, v) -> {
                if (v instanceof Number && keys.size() < 10 && !k.startsWith("_")) {
                    keys.add(k);
                }
            });
        }
        List<String> header = new ArrayList<>(List.of("run", "steps", "final loss"));
        header.addAll(keys);
        List<List<String>> rows = new ArrayList<>();
        for (RunMetrics r : runs) {
            List<String> row = new ArrayList<>(List.of(r.name(), String.valueOf(r.steps()),
                    Markdown.number(r.last(lossKey(r)).orElse(null))));
            for (String k : keys) {
                row.add(Markdown.number(r.summaryNumber(k).orElse(null)));
            }
            rows.add(row);
        }
        return Markdown.table(header, rows);
    }

    /** {@code loss} when logged, else the first loss term. */
    static String lossKey(RunMetrics r) {
        List<String> losses = MetricGroup.LOSS.select(r.metricKeys());
        return losses.contains("loss") ? "loss" : losses.isEmpty() ? "loss" : losses.get(0);
    }

    /** Loss and accuracy: one chart, a line per (run, key). Schedules and others: one small chart per key. */
    private static boolean chart(List<RunMetrics> runs, MetricGroup group, Path png) throws IOException {
        Set<String> keys = new LinkedHashSet<>();
        runs.forEach(r -> keys.addAll(group.select(r.metricKeys())));
        if (keys.isEmpty()) {
            return false;
        }
        boolean severalRuns = runs.size() > 1;
        if (group == MetricGroup.LOSS || group == MetricGroup.ACCURACY) {
            List<Charts.Line> lines = new ArrayList<>();
            for (RunMetrics r : runs) {
                for (String k : keys) {
                    lines.add(new Charts.Line(severalRuns ? r.name() + " " + k : k, r.series(k)));
                }
            }
            Charts.save(Charts.lineChart(group.title(), group.axis(), lines), png);
            return true;
        }
        List<XYChart> charts = new ArrayList<>();
        for (String k : keys) {
            List<Charts.Line> lines = new ArrayList<>();
            for (RunMetrics r : runs) {
                lines.add(new Charts.Line(severalRuns ? r.name() : k, r.series(k)));
            }
            XYChart c = Charts.lineChart(k, k, lines);
            c.getStyler().setLegendVisible(severalRuns);
            charts.add(c);
        }
        Charts.saveGrid(charts, Math.min(2, charts.size()), png);
        return true;
    }

    /** Loads run directories, failing on the first unreadable one. */
    public static List<RunMetrics> load(List<Path> dirs) throws IOException {
        List<RunMetrics> runs = new ArrayList<>();
        for (Path d : dirs) {
            runs.add(RunMetrics.load(d));
        }
        return runs;
    }
}
