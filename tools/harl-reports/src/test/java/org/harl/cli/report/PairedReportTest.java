package org.harl.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.harl.cli.CliRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code harl report ablation --baseline}: per-seed differences, their mean, t-interval and n, and the chart. */
class PairedReportTest {

    @TempDir
    Path tmp;

    private Path sweep() throws Exception {
        Path sweep = tmp.resolve("sweep");
        ReportFixtures.results(sweep, """
                setting,seed,run_dir,status,epochs,wall_s,knn_top1,knn_top5,linear_top1,linear_top5
                byol,0,runs/b0,completed,3,10,0.30,0.70,0.40,
                byol,1,runs/b1,completed,3,10,0.32,0.70,0.40,
                byol,2,runs/b2,completed,3,10,0.34,0.70,0.40,
                harl,0,runs/h0,completed,3,10,0.31,0.70,0.45,
                harl,1,runs/h1,completed,3,10,0.34,0.70,0.45,
                harl,2,runs/h2,completed,3,10,0.37,0.70,0.45,
                harl,3,runs/h3,failed,1,10,0.99,,,
                partial,1,runs/p1,completed,3,10,0.40,,,
                partial,3,runs/p3,completed,3,10,0.50,,,
                """);
        return sweep;
    }

    @Test
    void pairedDifferencesToTheBaseline() throws Exception {
        Path out = tmp.resolve("out");
        CliRunner.Result r = CliRunner.run("report", "ablation", sweep().toString(), "--out", out.toString(),
                "--no-wandb", "--baseline", "byol");
        assertEquals(0, r.exitCode(), r.err());
        String md = Files.readString(out.resolve("report.md"));
        assertTrue(md.contains("## Paired differences to `byol`"), md);
        // diffs 0.01, 0.02, 0.03: mean 0.02, sd 0.01, half-width 4.302653 * 0.01 / sqrt(3) = 0.024841
        assertTrue(md.contains("| harl | knn_top1 | 3 | 0: +0.0100, 1: +0.0200, 2: +0.0300 | +0.0200 | "
                + "[-0.0048, +0.0448] | spans 0 |"), md);
        assertTrue(md.contains("| harl | linear_top1 | 3 | 0: +0.0500, 1: +0.0500, 2: +0.0500 | +0.0500 | "
                + "[+0.0500, +0.0500] | above 0 |"), md);
        // seed 3 has no baseline run: one pair, no interval
        assertTrue(md.contains("| partial | knn_top1 | 1 | 1: +0.0800 | +0.0800 | – (n < 2) | – |"), md);
        assertTrue(md.contains("| partial | linear_top1 | 0 | – | – | – (n < 2) | – |"), md);
        assertFalse(md.contains("| byol | knn_top1 |"), md);
        assertFalse(md.contains("| harl | linear_top5 |"), md); // measured by nobody
        assertTrue(md.contains("](paired_diff_bars.png)"), md);
        ReportCommandsTest.assertPng(out.resolve("paired_diff_bars.png"));
    }

    @Test
    void withoutBaselineThereIsNoPairedSection() throws Exception {
        Path out = tmp.resolve("out");
        CliRunner.Result r = CliRunner.run("report", "ablation", sweep().toString(), "--out", out.toString(),
                "--no-wandb");
        assertEquals(0, r.exitCode(), r.err());
        assertFalse(Files.readString(out.resolve("report.md")).contains("Paired"));
        assertFalse(Files.exists(out.resolve("paired_diff_bars.png")));
    }

    @Test
    void anUnknownBaselineNamesTheSettings() throws Exception {
        CliRunner.Result r = CliRunner.run("report", "ablation", sweep().toString(), "--out",
                tmp.resolve("out").toString(), "--no-wandb", "--baseline", "none_byol");
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("--baseline none_byol: no such setting in ")
                && r.err().contains("(settings: byol, harl, partial)"), r.err());
    }
}
