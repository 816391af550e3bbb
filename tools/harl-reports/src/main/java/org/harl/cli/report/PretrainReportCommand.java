package org.harl.cli.report;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code harl report pretrain RUN_DIR...}. */
@Command(name = "pretrain", mixinStandardHelpOptions = true,
        description = "Report of pretraining runs: loss terms, lr/tau/alpha/beta, kNN/linear accuracy and a summary"
                + " table, from each run's metrics.jsonl and summary.json. Written to --out, by default RUN_DIR/report"
                + " for one run and reports/pretrain-<time> for several.")
public final class PretrainReportCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "RUN_DIR", description = "run directories (runs/<name>)")
    List<Path> runDirs;

    @Mixin
    ReportOptions options = new ReportOptions();

    @Spec
    CommandSpec spec;

    Map<String, String> env = System.getenv();

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter outWriter = spec.commandLine().getOut();
        try {
            List<RunMetrics> runs = PretrainReport.load(runDirs);
            Path dir = options.out != null ? options.out : runDirs.size() == 1 ? runDirs.get(0).resolve("report")
                    : Path.of("reports", "pretrain-" + LocalDateTime.now().format(
                    DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
            String name = options.title != null ? options.title : "Pretraining: " + String.join(", ",
                    runs.stream().map(RunMetrics::name).toList());
            String wandb = options.noWandb ? null : new WandbReportPublisher(env).publish(name,
                    "Loss terms, schedules and accuracy of " + runs.size() + " harl run(s).", runDirs, null,
                    panels(runs));
            PretrainReport.Output written = PretrainReport.write(runs, dir, wandb);
            outWriter.println("wrote " + written.markdown() + " and " + written.charts().size() + " chart(s)");
            if (wandb != null) {
                outWriter.println(wandb);
            }
            return 0;
        } catch (IOException | RuntimeException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    /** The W&B panels mirroring the local charts. */
    static List<WandbReportSpec.Panel> panels(List<RunMetrics> runs) {
        Set<String> keys = new LinkedHashSet<>();
        runs.forEach(r -> keys.addAll(r.metricKeys()));
        List<String> all = new ArrayList<>(keys);
        List<WandbReportSpec.Panel> panels = new ArrayList<>();
        for (MetricGroup g : List.of(MetricGroup.LOSS, MetricGroup.ACCURACY)) {
            if (!g.select(all).isEmpty()) {
                panels.add(new WandbReportSpec.Panel(g.title(), g.select(all), false));
            }
        }
        for (String k : MetricGroup.SCHEDULE.select(all)) {
            panels.add(new WandbReportSpec.Panel(k, List.of(k), false));
        }
        List<String> summary = PretrainReport.PREFERRED_SUMMARY.subList(0, 4).stream()
                .filter(k -> runs.stream().anyMatch(r -> r.summaryNumber(k).isPresent())).toList();
        if (!summary.isEmpty()) {
            panels.add(new WandbReportSpec.Panel("Final accuracy", summary, true));
        }
        return panels;
    }
}
