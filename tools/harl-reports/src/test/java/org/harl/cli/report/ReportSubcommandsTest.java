package org.harl.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.harl.cli.CliRunner;
import org.junit.jupiter.api.Test;

/** {@code harl report} and {@code harl wandb} join the product CLI through this module's SubcommandProvider. */
class ReportSubcommandsTest {

    @Test
    void reportAndWandbAreTopLevelCommandsWhenThisJarIsOnTheClassPath() {
        CliRunner.Result report = CliRunner.run("report", "--help");
        assertEquals(0, report.exitCode(), report.err());
        assertTrue(report.out().contains("pretrain") && report.out().contains("ablation"), report.out());

        CliRunner.Result wandb = CliRunner.run("wandb", "--help");
        assertEquals(0, wandb.exitCode(), wandb.err());
        assertTrue(wandb.out().contains("sync"), wandb.out());
    }

    /** A '%' in a description must be doubled: picocli otherwise warns on System.err and prints the raw text. */
    @Test
    void ablationHelpFormatsWithoutPicocliWarning() {
        PrintStream saved = System.err;
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        CliRunner.Result help;
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        try {
            help = CliRunner.run("report", "ablation", "--help");
        } finally {
            System.setErr(saved);
        }
        assertEquals(0, help.exitCode(), help.err());
        String warnings = stderr.toString(StandardCharsets.UTF_8);
        assertFalse(warnings.contains("Could not format"), warnings);
        assertTrue(help.out().contains("95 % t-interval"), help.out());
    }
}
