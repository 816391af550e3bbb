package org.harl.plugins.trackers.wandb;

import static org.harl.plugins.trackers.wandb.WandbTestSupport.KEY;
import static org.harl.plugins.trackers.wandb.WandbTestSupport.config;
import static org.harl.plugins.trackers.wandb.WandbTestSupport.env;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import org.harl.plugins.trackers.ExtendedJson;
import org.harl.plugins.trackers.SimulatedRun;
import org.harl.spi.track.Tracker;
import org.junit.jupiter.api.Test;

class WandbOnlineTest extends WandbServerFixture {
    private WandbTracker run(Path dir, long steps) throws Exception {
        WandbTracker tracker = new WandbTracker(config(null, server.baseUrl()), env(KEY), err.stream);
        tracker.start(SimulatedRun.info(dir, false, 0, steps));
        SimulatedRun.steps(List.<Tracker>of(tracker), 0, steps, 2, SimulatedRun.png(tmp));
        tracker.summary(Map.of("knn_top1", 0.42));
        tracker.finish(0);
        return tracker;
    }

    @Test
    void sendsTheRequestsTheOfficialClientSends() throws Exception {
        Path dir = tmp.resolve("run");
        WandbTracker tracker = run(dir, 6);
        String expectedAuth = "Basic " + Base64.getEncoder().encodeToString(("api:" + KEY)
                .getBytes(StandardCharsets.UTF_8));
        for (RecordedRequest r : server.apiRequests) {
            assertEquals(expectedAuth, r.getHeaders().get("Authorization"), r.getRequestLine());
            assertTrue(r.getHeaders().get("User-Agent").matches("harl/\\d+\\.\\d+\\.\\d+\\S*"),
                    r.getHeaders().get("User-Agent"));
        }
        List<RecordedRequest> graphql = server.requestsTo("/graphql");
        JsonNode viewer = ExtendedJson.mapper().readTree(graphql.get(0).getBody().utf8());
        assertEquals("Viewer", viewer.path("operationName").asText());
        JsonNode upsert = ExtendedJson.mapper().readTree(graphql.get(1).getBody().utf8());
        assertEquals("UpsertBucket", upsert.path("operationName").asText());
        JsonNode vars = upsert.path("variables");
        assertEquals(tracker.runId(), vars.path("name").asText());
        assertEquals("proj", vars.path("project").asText());
        assertEquals("alice", vars.path("entity").asText());
        assertEquals("sim", vars.path("displayName").asText());
        assertEquals("sweep-a", vars.path("groupName").asText());
        assertEquals("pretrain", vars.path("jobType").asText());
        assertEquals("notes here", vars.path("notes").asText());
        assertEquals("[\"cpu\",\"test\"]", vars.path("tags").toString());
        assertTrue(vars.path("config").isTextual(), "config must be a JSON string");
        JsonNode config = ExtendedJson.mapper().readTree(vars.path("config").asText());
        assertEquals(0.05, config.path("optimizer").path("value").path("lr").asDouble());
        assertEquals(7, config.path("seed").path("value").asInt());

        // config.yaml and the image went through CreateRunFiles and signed PUTs without W&B credentials
        List<String> requested = new java.util.ArrayList<>();
        for (RecordedRequest r : graphql) {
            JsonNode q = ExtendedJson.mapper().readTree(r.getBody().utf8());
            if (q.path("operationName").asText().equals("CreateRunFiles")) {
                assertEquals(tracker.runId(), q.path("variables").path("run").asText());
                q.path("variables").path("files").forEach(f -> requested.add(f.asText()));
            }
        }
        assertEquals(2, requested.size(), requested.toString());
        assertEquals("config.yaml", requested.get(0));
        String imageName = requested.get(1);
        assertTrue(imageName.matches("media/images/masks_overlay_2_[0-9a-f]{20}\\.png"), imageName);
        assertEquals(2, server.uploads.size());
        for (RecordedRequest put : server.uploads) {
            assertEquals("PUT", put.getMethod());
            assertNull(put.getHeaders().get("Authorization"), "no W&B auth on signed URLs");
            assertEquals("tok:1", put.getHeaders().get("X-Upload-Token"));
        }
        assertArrayEquals(Files.readAllBytes(tmp.resolve("overlay.png")), server.uploaded.get(imageName));
        String configYaml = new String(server.uploaded.get("config.yaml"), StandardCharsets.UTF_8);
        assertTrue(configYaml.startsWith("wandb_version: 1\n") && configYaml.contains("\"seed\": {\"value\":7}"),
                configYaml);
        assertTrue(server.reportedUploads.containsAll(requested));

        // history: one line per step at offsets 0..5, with _step/_runtime/_timestamp and bare NaN
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L), server.historyOffsets());
        List<Map<String, Object>> history = server.history();
        for (int s = 0; s < 6; s++) {
            Map<String, Object> row = history.get(s);
            assertEquals(s, ((Number) row.get("_step")).intValue());
            assertTrue(row.get("_runtime") instanceof Number && row.get("_timestamp") instanceof Number);
        }
        assertTrue(Double.isNaN((Double) history.get(3).get("loss")));
        assertEquals(Double.POSITIVE_INFINITY, history.get(3).get("tau"));
        @SuppressWarnings("unchecked")
        Map<String, Object> image = (Map<String, Object>) history.get(2).get("masks/overlay");
        assertEquals("image-file", image.get("_type"));
        assertEquals(imageName, image.get("path"));
        assertEquals(12, image.get("width"));
        assertEquals(8, image.get("height"));
        assertEquals("step 2", image.get("caption"));
        String rawLine = server.files.get("wandb-history.jsonl").get(3L);
        assertTrue(rawLine.contains("\"loss\":NaN") && rawLine.contains("\"tau\":Infinity"), rawLine);

        // summary whole at offset 0, output lines, complete + exitcode last
        Map<String, Object> summary = ExtendedJson.readMap(server.summary);
        assertEquals(0.42, summary.get("knn_top1"));
        assertEquals(5, ((Number) summary.get("_step")).intValue());
        assertTrue(summary.containsKey("_wandb"));
        for (RecordedRequest r : server.requestsTo("/file_stream")) {
            JsonNode body = ExtendedJson.mapper().readTree(r.getBody().utf8());
            if (body.path("files").has("wandb-summary.json")) {
                assertEquals(0, body.path("files").path("wandb-summary.json").path("offset").asInt());
            }
            assertEquals("/files/alice/proj/" + tracker.runId() + "/file_stream", r.getUrl().encodedPath());
        }
        List<RecordedRequest> streams = server.requestsTo("/file_stream");
        JsonNode last = ExtendedJson.mapper().readTree(streams.get(streams.size() - 1).getBody().utf8());
        assertTrue(last.path("complete").asBoolean());
        assertEquals(0, last.path("exitcode").asInt());
        assertEquals(0, server.exitCode);
        assertTrue(server.files.get("output.log").get(0L).matches("\\d{4}-\\d\\d-\\d\\dT[\\d:.]{15} started .*"));

        // run dir: run id remembered, journal marked synced
        Path wandbDir = dir.resolve("wandb");
        assertEquals(tracker.runId(), RunState.load(wandbDir).runId());
        assertEquals("alice", RunState.load(wandbDir).entity());
        Path journal = Journal.path(wandbDir, tracker.runId());
        assertEquals(Journal.read(journal).size(), Journal.syncedEntries(journal).orElseThrow());
        assertTrue(err.text().contains("/alice/proj/runs/" + tracker.runId()), err.text());
    }

    @Test
    void everyRowArrivesExactlyOnceDespiteFaults() throws Exception {
        server.fileStreamFaults.add(FakeWandbServer.failing(500));
        server.fileStreamFaults.add(FakeWandbServer.failing(503));
        server.fileStreamFaults.add(FakeWandbServer.retryAfter(1));
        server.fileStreamFaults.add(FakeWandbServer.resetAfterApply());
        server.fileStreamFaults.add(FakeWandbServer.slowAfterApply(2.5));
        server.fileStreamFaults.add(FakeWandbServer.failing(502));
        server.graphqlFaults.add(FakeWandbServer.failing(500));
        WandbTracker tracker = new WandbTracker(config(null, server.baseUrl()), env(KEY), err.stream);
        tracker.start(SimulatedRun.info(tmp.resolve("run"), false, 0, 40));
        for (long s = 0; s < 40; s++) {
            tracker.log(s, SimulatedRun.metrics(s));
            Thread.sleep(s % 10 == 0 ? 60 : 0);
        }
        long before = System.nanoTime();
        tracker.finish(0);
        assertTrue(System.nanoTime() - before < 20e9);
        assertTrue(server.fileStreamFaults.isEmpty(), "all faults were hit");
        assertEquals(40, server.history().size());
        for (int s = 0; s < 40; s++) {
            assertEquals((long) s, server.historyOffsets().get(s));
            assertEquals(s, ((Number) server.history().get(s).get("_step")).intValue());
        }
        assertEquals(0, server.exitCode);
        assertFalse(err.text().contains("offline"), err.text());
        // the 429 was honoured: the next attempt came at least Retry-After (1 s) later
        List<long[]> log = server.fileStreamLog;
        int i429 = 0;
        while (log.get(i429)[1] != 429) {
            i429++;
        }
        assertTrue(log.get(i429 + 1)[0] - log.get(i429)[0] >= 0.95e9, "Retry-After obeyed");
        assertTrue(log.get(1)[0] - log.get(0)[0] < 0.5e9, "500s retried with the short test backoff");
    }

    @Test
    void unauthorisedRunFallsBackOfflineAndSyncsLater() throws Exception {
        server.acceptedAuthorization = "Basic " + Base64.getEncoder().encodeToString(("api:" + KEY + "X")
                .getBytes(StandardCharsets.UTF_8));
        Path dir = tmp.resolve("run");
        WandbTracker tracker = new WandbTracker(config(null, server.baseUrl()), env(KEY), err.stream);
        tracker.start(SimulatedRun.info(dir, false, 0, 10));
        SimulatedRun.steps(List.<Tracker>of(tracker), 0, 10, 4, SimulatedRun.png(tmp));
        tracker.finish(0);
        assertEquals(1, server.apiRequests.size(), "401 is not retried");
        assertTrue(err.text().contains("HTTP 401"), err.text());
        assertTrue(err.text().contains("./harl wandb sync " + dir), err.text());
        assertTrue(server.history().isEmpty());
        Path journal = Journal.path(dir.resolve("wandb"), tracker.runId());
        assertTrue(Journal.syncedEntries(journal).isEmpty());

        server.acceptedAuthorization = null;
        WandbSync sync = new WandbSync(env(KEY), RetryPolicy.of(config(null, server.baseUrl())),
                java.time.Duration.ofSeconds(5), err.stream);
        List<WandbSync.Result> results = sync.sync(dir, false);
        assertEquals(1, results.size());
        assertFalse(results.get(0).skipped());
        assertEquals(10, server.history().size());
        assertEquals(0, server.exitCode);
        assertEquals(java.util.Set.of("config.yaml"), server.uploaded.keySet().stream()
                .filter(n -> !n.startsWith("media/images/")).collect(java.util.stream.Collectors.toSet()));
        assertEquals(2, server.uploaded.size());
        assertTrue(sync.sync(dir, false).get(0).skipped());
        int requests = server.apiRequests.size();
        sync.sync(dir, true);
        assertTrue(server.apiRequests.size() > requests);
        assertEquals(10, server.history().size(), "a repeated sync changes nothing");
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L), server.historyOffsets());
    }

    @Test
    void resumedRunContinuesTheSameRunWithoutDuplicates() throws Exception {
        Path dir = tmp.resolve("run");
        WandbTracker first = new WandbTracker(config(null, server.baseUrl()), env(KEY), err.stream);
        first.start(SimulatedRun.info(dir, false, 0, 20));
        SimulatedRun.steps(List.<Tracker>of(first), 0, 12, -1, null);
        first.finish(1); // crashed after step 11; the last checkpoint was at step 8
        int outputLines = server.files.get("output.log").size();

        WandbTracker second = new WandbTracker(config(null, server.baseUrl()), env(KEY), err.stream);
        second.start(SimulatedRun.info(dir, true, 8, 20));
        SimulatedRun.steps(List.<Tracker>of(second), 8, 20, -1, null);
        second.finish(0);
        assertEquals(first.runId(), second.runId());
        List<Map<String, Object>> history = server.history();
        assertEquals(20, history.size());
        for (int s = 0; s < 20; s++) {
            assertEquals(s, ((Number) history.get(s).get("_step")).intValue());
        }
        assertTrue(server.files.get("output.log").size() > outputLines, "output continues after the old lines");
        assertEquals(0, server.exitCode);
        assertEquals(first.runId(), server.upserts.get(server.upserts.size() - 1).get("name"));
    }

    @Test
    void aStalledServerNeverHoldsTrainingBack() throws Exception {
        for (int i = 0; i < 200; i++) {
            server.fileStreamFaults.add(FakeWandbServer.failing(503));
        }
        WandbConfig base = config(null, server.baseUrl());
        WandbConfig quickFinish = new WandbConfig(base.mode(), null, "proj", null, null, List.of(), null, null,
                base.baseUrl(), false, 0.05, 0.2, 0.5, 50, 1.0, 1.0, 10_000);
        Path dir = tmp.resolve("run");
        WandbTracker tracker = new WandbTracker(quickFinish, env(KEY), err.stream);
        tracker.start(SimulatedRun.info(dir, false, 0, 2000));
        long t0 = System.nanoTime();
        for (long s = 0; s < 2000; s++) {
            tracker.log(s, SimulatedRun.metrics(s));
        }
        double logSeconds = (System.nanoTime() - t0) / 1e9;
        assertTrue(logSeconds < 2, "2000 log calls took " + logSeconds + " s");
        t0 = System.nanoTime();
        tracker.finish(0);
        double finishSeconds = (System.nanoTime() - t0) / 1e9;
        assertTrue(finishSeconds < 8, "finish waited " + finishSeconds + " s");
        assertTrue(err.text().contains("did not finish within the finish timeout"), err.text());
        assertTrue(err.text().contains("./harl wandb sync " + dir), err.text());
        assertEquals(2000, Journal.read(Journal.path(dir.resolve("wandb"), tracker.runId())).stream()
                .filter(e -> e instanceof JournalEntry.History).count(), "the journal has every row");
    }

    @Test
    void checkpointsAreUploadedOnlyWhenConfigured() throws Exception {
        Path ckpt = Files.writeString(tmp.resolve("epoch_1.ckpt"), "weights");
        for (boolean upload : new boolean[] {false, true}) {
            WandbConfig base = config(null, server.baseUrl());
            WandbConfig c = new WandbConfig(null, null, "proj", null, null, List.of(), null, null, base.baseUrl(),
                    upload, 0.05, 0.01, 0.05, 6, 1.0, 20, 10_000);
            WandbTracker tracker = new WandbTracker(c, env(KEY), err.stream);
            tracker.start(SimulatedRun.info(tmp.resolve("run-" + upload), false, 0, 2));
            tracker.log(0, Map.of("loss", 1.0));
            tracker.saveFile(ckpt, "checkpoint");
            tracker.finish(0);
        }
        assertEquals(1, server.uploaded.keySet().stream().filter(n -> n.equals("checkpoints/epoch_1.ckpt")).count());
        assertEquals("weights", new String(server.uploaded.get("checkpoints/epoch_1.ckpt"), StandardCharsets.UTF_8));
    }
}
