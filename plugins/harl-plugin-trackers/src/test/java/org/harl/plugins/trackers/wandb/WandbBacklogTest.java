package org.harl.plugins.trackers.wandb;

import static org.harl.plugins.trackers.wandb.WandbTestSupport.KEY;
import static org.harl.plugins.trackers.wandb.WandbTestSupport.env;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.harl.plugins.trackers.SimulatedRun;
import org.harl.spi.track.Tracker;
import org.junit.jupiter.api.Test;

/** A resumed run whose unsent journal is larger than the send buffer (max_buffered). */
class WandbBacklogTest extends WandbServerFixture {
    private static final int BUFFER = 16;

    private WandbConfig config(String mode) {
        return new WandbConfig(mode, null, "proj", null, null, List.of(), null, null, server.baseUrl(), false,
                0.05, 0.01, 0.05, 6, 1.0, 20, BUFFER);
    }

    @Test
    void aJournalLargerThanTheBufferIsSentInFullBeforeBeingMarkedSynced() throws Exception {
        Path dir = tmp.resolve("run");
        WandbTracker offline = new WandbTracker(config("offline"), env(KEY), err.stream);
        offline.start(SimulatedRun.info(dir, false, 0, 100));
        SimulatedRun.steps(List.<Tracker>of(offline), 0, 90, -1, null);
        offline.finish(1); // killed; the last checkpoint was at step 90
        assertTrue(server.apiRequests.isEmpty());

        WandbTestSupport.Captured onlineErr = new WandbTestSupport.Captured();
        WandbTracker online = new WandbTracker(config("online"), env(KEY), onlineErr.stream);
        online.start(SimulatedRun.info(dir, true, 90, 100));
        // this session's own entries (about 10) fit the buffer; only the earlier ~95 do not
        SimulatedRun.steps(List.<Tracker>of(online), 90, 95, -1, null);
        online.finish(0);

        assertEquals(LongStream.range(0, 95).boxed().toList(), server.historyOffsets(), onlineErr.text());
        List<Map<String, Object>> history = server.history();
        for (int s = 0; s < 95; s++) {
            assertEquals(s, ((Number) history.get(s).get("_step")).intValue());
        }
        assertEquals(0, server.exitCode);
        assertFalse(onlineErr.text().contains("offline"), onlineErr.text());
        Path journal = Journal.path(dir.resolve("wandb"), online.runId());
        assertEquals(Journal.read(journal).size(), Journal.syncedEntries(journal).orElseThrow());
        // each history line was posted once: no offset was written twice
        long posted = server.requestsTo("/file_stream").stream()
                .mapToLong(r -> countHistoryLines(r.getBody().utf8())).sum();
        assertEquals(95, posted);
    }

    private static long countHistoryLines(String body) {
        var files = org.harl.plugins.trackers.ExtendedJson.readMap(body).get("files");
        if (!(files instanceof Map<?, ?> m) || !(m.get(RunStreamer.HISTORY) instanceof Map<?, ?> h)) {
            return 0;
        }
        return ((List<?>) h.get("content")).size();
    }
}
