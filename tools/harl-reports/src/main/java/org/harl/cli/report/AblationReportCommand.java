package org.harl.cli.report;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import org.harl.core.sweep.ResultsCsv;

/** {@code harl report ablation SWEEP_DIR}. */
@Command(name = "ablation", mixinStandardHelpOptions = true,
        description = "Report of a sweep from SWEEP_DIR/results.csv: mean ± std per setting over seeds, a bar chart"
                + " of the accuracies and the mean loss curve per setting; with --baseline, each setting's paired"
                + " difference to the baseline seed by seed (mean, 95 %% t-interval, n). Written to --out, by default"
                + " SWEEP_DIR/report.")
public final class AblationReportCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SWEEP_DIR", description = "the sweep directory (holds results.csv)")
    Path sweepDir;

    @Option(names = "--baseline", paramLabel = "SETTING",
            description = "compare every setting with this one seed by seed (e.g. none_byol): per-seed differences"
                    + " over the seeds both completed, their mean and 95 %% Student-t interval, n, and a chart")
    String baseline;

    @Mixin
    ReportOptions options = new ReportOptions();

    @Spec
    CommandSpec spec;

    Map<String, String> env = System.getenv();

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            ResultsCsv.Table results = ResultsCsv.load(sweepDir);
            if (baseline != null && !results.settings().contains(baseline)) {
                err.println("error: --baseline " + baseline + ": no such setting in " + results.file()
                        + " (settings: " + String.join(", ", results.settings()) + ")");
                return 1;
            }
            Path name = sweepDir.toAbsolutePath().normalize().getFileName();
            String reportTitle = options.title != null ? options.title : name == null ? "sweep" : name.toString();
            String wandb = null;
            if (!options.noWandb) {
                List<Path> runDirs = results.rows().stream().map(results::runDir).toList();
                wandb = new WandbReportPublisher(env).publish("Ablation: " + reportTitle, "Settings of sweep "
                        + reportTitle + ", " + results.rows().size() + " runs.", runDirs, null, List.of(
                        new WandbReportSpec.Panel("Accuracy per run", List.of("knn_top1", "linear_top1"), true),
                        new WandbReportSpec.Panel("Training loss", List.of("loss"), false)));
            }
            AblationReport.Output written = AblationReport.write(results, options.out != null ? options.out
                    : sweepDir.resolve("report"), reportTitle, wandb, baseline);
            spec.commandLine().getOut().println("wrote " + written.markdown() + " and " + written.charts().size()
                    + " chart(s)");
            if (wandb != null) {
                spec.commandLine().getOut().println(wandb);
            }
            return 0;
        } catch (IOException | RuntimeException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }
}
