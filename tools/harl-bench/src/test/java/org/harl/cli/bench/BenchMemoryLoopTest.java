package org.harl.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.harl.cli.CliRunner;
import org.junit.jupiter.api.Test;

/** {@code harl bench memory --loop} samples RSS through the real training loop with DRFI masks. */
class BenchMemoryLoopTest {

    private static final String[] SMALL = {"--set", "dataset.train_size=64", "--set", "training.batch_size=4"};

    @Test
    void samplesEveryStepOfTheRealLoopWithMasks() {
        CliRunner.Result r = CliRunner.run(concat("bench", "memory", "--loop", "--steps", "4", "--settle", "2",
                "--every", "2", "--tolerance", "10"));
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("training loop: tiny_resnet, loss harl, masks drfi, batch 4, 2 steps per epoch"),
                r.out());
        assertTrue(r.out().matches("(?s).*step 2 rss_mib [0-9.]+ drift \\+0\\.00%\\nstep 4 rss_mib [0-9.]+ drift "
                + "[-+][0-9.]+%\\nok: rss from step 2 to 4 .*"), r.out());
    }

    @Test
    void overridesThatShortenTheRunAreRejected() {
        CliRunner.Result r = CliRunner.run(concat("bench", "memory", "--loop", "--steps", "4", "--settle", "2",
                "--every", "2", "--set", "training.epochs=1"));
        assertNotEquals(0, r.exitCode());
        assertTrue(r.err().contains("the loop trained 2 steps, fewer than --steps 4"), r.err());
    }

    private static String[] concat(String... head) {
        String[] all = new String[head.length + SMALL.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(SMALL, 0, all, head.length, SMALL.length);
        return all;
    }
}
