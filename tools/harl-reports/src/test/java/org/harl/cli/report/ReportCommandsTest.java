package org.harl.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.harl.cli.CliRunner;
import org.harl.core.sweep.ResultsCsv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ReportCommandsTest {
    @TempDir
    Path tmp;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int run(Object command, String... args) {
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    static void assertPng(Path png) throws Exception {
        BufferedImage img = ImageIO.read(png.toFile());
        assertNotNull(img, png + " is not an image");
        assertTrue(img.getWidth() >= 900 && img.getHeight() >= 480, png + ": " + img.getWidth());
    }

    @Test
    void pretrainReportOfTwoRuns() throws Exception {
        Path a = ReportFixtures.run(tmp, "harl-a", 200, 0.02, 0.41);
        Path b = ReportFixtures.run(tmp, "byol-b", 200, 0.01, 0.37);
        Path outDir = Path.of("target", "report-demo", "pretrain");
        PretrainReportCommand cmd = new PretrainReportCommand();
        cmd.env = Map.of();
        assertEquals(0, run(new ReportCommand(), "pretrain", a.toString(), b.toString(), "--out", outDir.toString()),
                err.toString());
        String md = Files.readString(outDir.resolve("report.md"));
        assertTrue(md.contains("| run | steps | final loss | knn_top1 | knn_top5 | wall_s |"), md);
        assertTrue(md.contains("| harl-a | 200 | "), md);
        assertTrue(md.contains("| 0.4100 | 0.7100 | 2000.00 |"), md);
        for (String png : new String[] {"loss.png", "schedule.png", "accuracy.png", "other.png"}) {
            assertTrue(md.contains("](" + png + ")"), md);
            assertPng(outDir.resolve(png));
        }
        assertTrue(md.contains("Not published to W&B: none of the runs has been logged to W&B"), md);
    }

    @Test
    void ablationReportComputesMeanAndStdPerSetting() throws Exception {
        Path sweep = tmp.resolve("sweep");
        for (String setting : new String[] {"full", "no_saliency"}) {
            for (int seed = 0; seed < 3; seed++) {
                ReportFixtures.run(sweep.resolve("runs"), setting + "-s" + seed, 100,
                        setting.equals("full") ? 0.03 : 0.015, 0.4);
            }
        }
        ReportFixtures.results(sweep, """
                setting,seed,run_dir,status,epochs,wall_s,knn_top1,knn_top5,linear_top1,linear_top5
                full,0,runs/full-s0,ok,10,100,0.40,0.70,0.50,
                full,1,runs/full-s1,ok,10,110,0.42,0.72,0.52,
                full,2,runs/full-s2,ok,10,120,0.44,0.74,0.54,
                no_saliency,0,runs/no_saliency-s0,ok,10,90,0.30,0.60,,
                no_saliency,1,runs/no_saliency-s1,ok,10,95,0.34,0.62,,
                no_saliency,2,runs/no_saliency-s2,failed,3,20,,,,
                pending,0,runs/pending-s0,not_run,,,,,,
                """);
        Path outDir = Path.of("target", "report-demo", "ablation");
        assertEquals(0, run(new ReportCommand(), "ablation", sweep.toString(), "--out", outDir.toString(),
                "--no-wandb"), err.toString());
        String md = Files.readString(outDir.resolve("report.md"));
        assertTrue(md.contains("| full | 3 | 0 | 0.4200 ± 0.0200 (3) | 0.7200 ± 0.0200 (3) | 0.5200 ± 0.0200 (3) | – "
                + "| 10.00 ± 0.00 (3) | 110.00 ± 10.00 (3) |"), md);
        assertTrue(md.contains("| pending | 1 | 0 | – |"), md); // not reached yet is not a failure
        assertTrue(md.contains("| no_saliency | 3 | 1 | 0.3200 ± 0.0283 (2) | 0.6100 ± 0.0141 (2) | – | – | 10.00 ± 0.00 (2) | 92.50 ± 3.54 (2) |"), md);
        assertTrue(md.contains("](accuracy_bars.png)") && md.contains("](loss_by_setting.png)"), md);
        assertPng(outDir.resolve("accuracy_bars.png"));
        assertPng(outDir.resolve("loss_by_setting.png"));
    }

    @Test
    void ablationReportKeepsEveryValueColumnTheSweepWrites() throws Exception {
        Path sweep = tmp.resolve("sweeps/untrained");
        ReportFixtures.run(sweep.resolve("full"), "seed0", 50, 0.03, 0.4);
        // the header as the sweep runner writes it, random-initialisation baselines included
        ReportFixtures.results(sweep, ResultsCsv.header() + "\n"
                + "full,0,full/seed0,completed,10,100,0.40,0.70,0.50,0.80,0.21,0.27"
                + ",".repeat(ResultsCsv.COLUMNS.size() - 12) + "\n"); // later columns not measured
        Path outDir = tmp.resolve("out");
        assertEquals(0, run(new ReportCommand(), "ablation", sweep.toString(), "--out", outDir.toString(),
                "--no-wandb"), err.toString());
        String md = Files.readString(outDir.resolve("report.md"));
        assertTrue(md.contains("random_init_knn_top1 (n) | random_init_linear_top1 (n) |"), md);
        assertTrue(md.contains("| 0.2100 (1) | 0.2700 (1) |"), md);
    }

    @Test
    void ablationReportFindsRunsWhereTheSweepWroteThemWhateverItsWorkingDirectory() throws Exception {
        Path sweep = tmp.resolve("sweeps/abl");
        ReportFixtures.run(sweep.resolve("full"), "seed0", 50, 0.03, 0.4);
        // as `harl sweep` writes it when run from the repository root: relative to that root, not to the sweep
        ReportFixtures.results(sweep, """
                setting,seed,run_dir,status,epochs,wall_s,knn_top1,knn_top5,linear_top1,linear_top5
                full,0,sweeps/abl/full/seed0,completed,10,100,0.40,0.70,0.50,0.8
                """);
        Path outDir = tmp.resolve("out");
        assertEquals(0, run(new ReportCommand(), "ablation", sweep.toString(), "--out", outDir.toString(),
                "--no-wandb"), err.toString());
        assertPng(outDir.resolve("loss_by_setting.png"));
    }

    @Test
    void wiredIntoTheHarlCommandLine() throws Exception {
        Path a = ReportFixtures.run(tmp, "wired", 30, 0.05, 0.2);
        CliRunner.Result r = CliRunner.run("report", "pretrain", a.toString(), "--no-wandb", "--out",
                tmp.resolve("out").toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(Files.exists(tmp.resolve("out/report.md")));
        CliRunner.Result help = CliRunner.run("wandb", "sync", "--help");
        assertEquals(0, help.exitCode(), help.err());
        assertTrue(help.out().contains("RUN_DIR"), help.out());
    }

    @Test
    void badInputGivesAClearError() throws Exception {
        assertEquals(1, run(new ReportCommand(), "pretrain", tmp.resolve("missing").toString(), "--no-wandb"));
        assertTrue(err.toString().contains("missing is not a run directory"), err.toString());
        ReportFixtures.results(tmp.resolve("sweep"), "setting,seed,run_dir,status\nfull,0,runs/x\n");
        assertEquals(1, run(new ReportCommand(), "ablation", tmp.resolve("sweep").toString(), "--no-wandb"));
        assertTrue(err.toString().contains("results.csv line 2: 3 cells, the header has 4"), err.toString());
    }
}
