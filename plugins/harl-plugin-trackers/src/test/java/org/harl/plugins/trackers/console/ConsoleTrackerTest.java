package org.harl.plugins.trackers.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.harl.plugins.trackers.SimulatedRun;
import org.junit.jupiter.api.Test;

class ConsoleTrackerTest {

    @Test
    void rendersBarLossThroughputAndEta() {
        assertEquals("[===========>            ]  50% 50/100 | loss 0.1235 | 64.0 img/s | ETA 00:01:40",
                ProgressLine.render(50, 100, 0.123456, 64, 100));
        assertEquals("step 7 | loss 1.000e-04", ProgressLine.render(7, 0, 1e-4, Double.NaN, -1));
        assertEquals("1d 01:00:01", ProgressLine.duration(90001));
    }

    @Test
    void computesEtaAndImagesPerSecondFromTheClock() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AtomicLong clock = new AtomicLong();
        ConsoleTracker t = new ConsoleTracker(new ConsoleConfig(false, 0.5, 10, ""),
                new PrintStream(bytes, true, StandardCharsets.UTF_8), false, clock::get);
        t.start(SimulatedRun.info(Path.of("runs/sim"), false, 0, 100));
        for (int s = 0; s < 40; s++) {
            clock.addAndGet(500_000_000L); // 2 steps/s, batch 32 -> 64 img/s
            t.log(s, Map.of("loss", 0.5, "lr", 0.1));
        }
        t.finish(0);
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains(" 21% 21/100 | loss 0.5000 | 64.0 img/s | ETA 00:00:40"), text);
        assertTrue(text.contains("finished after 00:00:20"), text);
    }

    @Test
    void quietPrintsNoProgress() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleTracker t = new ConsoleTracker(new ConsoleConfig(true, 0.5, 10, ""),
                new PrintStream(bytes, true, StandardCharsets.UTF_8), true, System::nanoTime);
        t.start(SimulatedRun.info(Path.of("runs/sim"), false, 0, 10));
        t.log(0, Map.of("loss", 1.0));
        t.summary(Map.of("knn_top1", 0.25));
        t.finish(0);
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertFalse(text.contains("%"), text);
        assertTrue(text.contains("summary: knn_top1=0.2500"), text);
    }
}
