package org.harl.plugins.trackers.jsonl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.harl.plugins.trackers.ExtendedJson;
import org.harl.plugins.trackers.SimulatedRun;
import org.harl.spi.track.Tracker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonlTrackerTest {
    @TempDir
    Path tmp;

    @Test
    void writesRowsAndMediaAndResumesWithoutDuplicates() throws Exception {
        Path dir = tmp.resolve("run");
        Path png = SimulatedRun.png(tmp);
        JsonlTracker first = new JsonlTracker(JsonlConfig.defaults(), System.err);
        first.start(SimulatedRun.info(dir, false, 0, 10));
        SimulatedRun.steps(List.<Tracker>of(first), 0, 7, 5, png);
        first.summary(Map.of("knn_top1", 0.3));
        first.finish(1);
        List<String> lines = Files.readAllLines(dir.resolve("metrics.jsonl"));
        assertEquals(7, lines.size());
        assertEquals("{\"step\":3,\"loss\":NaN,\"lr\":0.0485,\"tau\":Infinity}", lines.get(3));
        assertTrue(Files.readString(dir.resolve("media.jsonl")).contains("\"path\":\"media/masks_overlay_5.png\""));
        assertTrue(Files.exists(dir.resolve("media/masks_overlay_5.png")));
        assertTrue(Files.readString(dir.resolve("config.json")).contains("\"batch_size\":32"));

        JsonlTracker second = new JsonlTracker(JsonlConfig.defaults(), System.err);
        second.start(SimulatedRun.info(dir, true, 4, 10));
        SimulatedRun.steps(List.<Tracker>of(second), 4, 10, -1, png);
        second.summary(Map.of("linear_top1", 0.4));
        second.finish(0);
        List<String> resumed = Files.readAllLines(dir.resolve("metrics.jsonl"));
        assertEquals(10, resumed.size());
        for (int s = 0; s < 10; s++) {
            assertEquals(s, ((Number) ExtendedJson.readMap(resumed.get(s)).get("step")).intValue());
        }
        assertEquals("", Files.readString(dir.resolve("media.jsonl")), "the image at step 5 was dropped");
        assertFalse(Files.exists(dir.resolve("summary.json")), "summary.json is the run directory's, not a tracker's");
    }

    @Test
    void aFreshRunReplacesOldFiles() throws Exception {
        Path dir = tmp.resolve("run");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("metrics.jsonl"), "{\"step\":0,\"loss\":9}\n");
        JsonlTracker t = new JsonlTracker(JsonlConfig.defaults(), System.err);
        t.start(SimulatedRun.info(dir, false, 0, 2));
        t.log(0, Map.of("loss", 1.0));
        t.finish(0);
        assertEquals(List.of("{\"step\":0,\"loss\":1.0}"), Files.readAllLines(dir.resolve("metrics.jsonl")));
    }

    @Test
    void resumeDropsOnlyACutOffLastLine() throws Exception {
        Path dir = tmp.resolve("run");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("metrics.jsonl"), "{\"step\":0,\"loss\":3}\n{\"step\":1,\"loss\":2}\n{\"step\":2,\"lo");
        JsonlTracker t = new JsonlTracker(JsonlConfig.defaults(), System.err);
        t.start(SimulatedRun.info(dir, true, 2, 4));
        t.log(2, Map.of("loss", 1.0));
        t.finish(0);
        assertEquals(List.of("{\"step\":0,\"loss\":3}", "{\"step\":1,\"loss\":2}", "{\"step\":2,\"loss\":1.0}"),
                Files.readAllLines(dir.resolve("metrics.jsonl")));
    }

    @Test
    void resumeReportsAnUnreadableLineBeforeTheLastWithFileAndLine() throws Exception {
        Path dir = tmp.resolve("run");
        Files.createDirectories(dir);
        String damaged = "{\"step\":0,\"loss\":3}\n{\"step\":1,\"lo\n{\"step\":2,\"loss\":1}\n";
        Files.writeString(dir.resolve("metrics.jsonl"), damaged);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        JsonlTracker t = new JsonlTracker(JsonlConfig.defaults(), new PrintStream(err, true, StandardCharsets.UTF_8));
        t.start(SimulatedRun.info(dir, true, 3, 4));
        t.log(3, Map.of("loss", 0.5));
        t.finish(0);
        String warning = err.toString(StandardCharsets.UTF_8);
        assertTrue(warning.contains(dir.resolve("metrics.jsonl") + " line 2"), warning);
        assertEquals(damaged, Files.readString(dir.resolve("metrics.jsonl")), "the damaged file is left as it is");
    }
}
