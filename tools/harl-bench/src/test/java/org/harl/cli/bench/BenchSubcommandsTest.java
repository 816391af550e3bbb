package org.harl.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.harl.cli.CliRunner;
import org.junit.jupiter.api.Test;

/** {@code harl bench} joins the product CLI through its SubcommandProvider service, not through HarlCommand. */
class BenchSubcommandsTest {

    @Test
    void benchIsATopLevelCommandWhenThisJarIsOnTheClassPath() {
        CliRunner.Result help = CliRunner.run("--help");
        assertEquals(0, help.exitCode(), help.err());
        assertTrue(help.out().contains("bench "), help.out());

        CliRunner.Result bench = CliRunner.run("bench", "--help");
        assertEquals(0, bench.exitCode(), bench.err());
        for (String sub : new String[] {"train", "data", "masks", "memory"}) {
            assertTrue(bench.out().contains("  " + sub + " "), sub + " missing from:\n" + bench.out());
        }
    }
}
