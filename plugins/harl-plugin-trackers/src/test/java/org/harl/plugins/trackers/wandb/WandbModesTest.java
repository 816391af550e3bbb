package org.harl.plugins.trackers.wandb;

import static org.harl.plugins.trackers.wandb.WandbTestSupport.KEY;
import static org.harl.plugins.trackers.wandb.WandbTestSupport.config;
import static org.harl.plugins.trackers.wandb.WandbTestSupport.env;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.harl.plugins.trackers.SimulatedRun;
import org.harl.plugins.trackers.console.ConsoleConfig;
import org.harl.plugins.trackers.console.ConsoleTracker;
import org.harl.plugins.trackers.jsonl.JsonlConfig;
import org.harl.plugins.trackers.jsonl.JsonlTracker;
import org.harl.spi.track.Tracker;
import org.junit.jupiter.api.Test;

/** A run logged to console, jsonl and wandb together, in each W&B mode; plus secret handling. */
class WandbModesTest extends WandbServerFixture {
    private List<Tracker> trackers(WandbConfig wandb, Map<String, String> env) {
        return List.of(new ConsoleTracker(ConsoleConfig.defaults(), err.stream, false, System::nanoTime),
                new JsonlTracker(JsonlConfig.defaults(), err.stream),
                new WandbTracker(wandb, env, err.stream));
    }

    private void simulate(List<Tracker> trackers, Path dir) throws IOException {
        trackers.forEach(t -> t.start(SimulatedRun.info(dir, false, 0, 8)));
        SimulatedRun.steps(trackers, 0, 8, 5, SimulatedRun.png(tmp));
        trackers.forEach(t -> t.summary(Map.of("knn_top1", 0.5, "wall_s", 12.5)));
        trackers.forEach(t -> t.finish(0));
    }

    @Test
    void offlineRunWritesOnlyTheJournalAndSyncsLater() throws Exception {
        Path dir = tmp.resolve("run");
        List<Tracker> trackers = trackers(config("offline", server.baseUrl()), env(KEY));
        simulate(trackers, dir);
        assertEquals(0, server.apiRequests.size(), "offline sends nothing");
        assertEquals(8, Files.readAllLines(dir.resolve("metrics.jsonl")).size());
        assertTrue(err.text().contains("upload it with: ./harl wandb sync " + dir), err.text());
        String runId = ((WandbTracker) trackers.get(2)).runId();
        Path journal = Journal.path(dir.resolve("wandb"), runId);
        List<JournalEntry> entries = Journal.read(journal);
        assertTrue(entries.get(0) instanceof JournalEntry.Run);
        assertEquals(8, entries.stream().filter(e -> e instanceof JournalEntry.History).count());
        assertTrue(entries.get(entries.size() - 1) instanceof JournalEntry.Exit);

        new WandbSync(env(KEY), RetryPolicy.of(config(null, server.baseUrl())), Duration.ofSeconds(5), err.stream)
                .sync(dir, false);
        assertEquals(8, server.history().size());
        assertEquals(runId, server.upserts.get(0).get("name"));
        assertEquals(0, server.exitCode);
        assertTrue(server.summary.contains("\"wall_s\":12.5"));
        assertEquals(entries.size(), Journal.syncedEntries(journal).orElseThrow());
        assertEquals("alice", RunState.load(dir.resolve("wandb")).entity(), "entity resolved at sync");
    }

    @Test
    void offlineByEnvironmentAndDisabledByConfig() throws Exception {
        Map<String, String> env = new HashMap<>(env(KEY));
        env.put("WANDB_MODE", "dryrun");
        Path offline = tmp.resolve("offline");
        simulate(trackers(config(null, server.baseUrl()), env), offline);
        assertTrue(Files.isDirectory(offline.resolve("wandb")));

        Path disabled = tmp.resolve("disabled");
        simulate(trackers(config("disabled", server.baseUrl()), env(KEY)), disabled);
        assertFalse(Files.exists(disabled.resolve("wandb")), "disabled writes nothing");
        assertTrue(Files.exists(disabled.resolve("metrics.jsonl")), "the other trackers still work");
        assertEquals(0, server.apiRequests.size());
    }

    @Test
    void onlineRunWithAllTrackers() throws Exception {
        Path dir = tmp.resolve("run");
        simulate(trackers(config("online", server.baseUrl()), env(KEY)), dir);
        assertEquals(8, server.history().size());
        assertEquals(8, Files.readAllLines(dir.resolve("metrics.jsonl")).size());
        assertTrue(err.text().contains("finished after"), err.text());
        assertEquals(1, err.text().split("100% 8/8", -1).length - 1, "the last progress line once: " + err.text());
        assertTrue(err.text().contains("knn_top1=0.5000"), err.text());
    }

    @Test
    void apiKeyNeverLeaks() throws Exception {
        String basic = Base64.getEncoder().encodeToString(("api:" + KEY).getBytes(StandardCharsets.UTF_8));
        server.acceptedAuthorization = "Basic nope"; // the 401 body echoes our Authorization header
        Path dir = tmp.resolve("run");
        Map<String, String> env = new HashMap<>(env(KEY));
        simulate(trackers(config(null, server.baseUrl()), env), dir);
        assertTrue(err.text().contains("HTTP 401"), err.text());
        assertTrue(err.text().contains("***"), "the echoed credentials were redacted: " + err.text());
        IOException e = assertThrows(IOException.class, () -> new WandbSync(env, RetryPolicy.of(
                config(null, server.baseUrl())), Duration.ofSeconds(5), err.stream).sync(dir, false));
        assertTrue(e.getMessage().contains("401"));
        for (String text : Stream.concat(Stream.of(err.text(), e.getMessage(), e.toString()), allFiles(dir)).toList()) {
            assertFalse(text.contains(KEY), "key leaked: " + text);
            assertFalse(text.contains(basic), "encoded key leaked: " + text);
        }
        assertFalse(new ApiKey(KEY, "test").toString().contains(KEY));
    }

    private static Stream<String> allFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> {
                try {
                    return new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
                } catch (IOException ex) {
                    throw new RuntimeException(ex);
                }
            }).toList().stream();
        }
    }

    @Test
    void resumeAfterAnOfflineFallbackSendsTheEarlierPartToo() throws Exception {
        Path dir = tmp.resolve("run");
        server.acceptedAuthorization = "Basic nope";
        WandbTracker first = new WandbTracker(config(null, server.baseUrl()), env(KEY), err.stream);
        first.start(SimulatedRun.info(dir, false, 0, 10));
        SimulatedRun.steps(List.<Tracker>of(first), 0, 6, -1, null);
        first.finish(1);
        server.acceptedAuthorization = null;
        WandbTracker second = new WandbTracker(config(null, server.baseUrl()), env(KEY), err.stream);
        second.start(SimulatedRun.info(dir, true, 4, 10));
        SimulatedRun.steps(List.<Tracker>of(second), 4, 10, -1, null);
        second.finish(0);
        assertEquals(10, server.history().size());
        for (int s = 0; s < 10; s++) {
            assertEquals(s, ((Number) server.history().get(s).get("_step")).intValue());
        }
    }
}
