package org.harl.cli.wandb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.harl.plugins.trackers.wandb.WandbConfig;
import org.harl.plugins.trackers.wandb.WandbTracker;
import org.harl.spi.track.RunInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class WandbSyncCommandTest {
    static final String KEY = "clifakekey0123456789abcdefghijklmnopqrstuvw";

    @TempDir
    Path tmp;

    @Test
    void syncsAnOfflineRunAndReportsErrorsPerDirectory() throws Exception {
        Path dir = tmp.resolve("run");
        WandbConfig offline = new WandbConfig("offline", null, "proj", null, null, List.of(), null, null, null, false,
                15, 2, 60, 30, 60, 120, 1000);
        WandbTracker tracker = new WandbTracker(offline, Map.of(), System.err);
        tracker.start(new RunInfo("run", dir, null, Map.of("seed", 1), false, 0, 3));
        for (int s = 0; s < 3; s++) {
            tracker.log(s, Map.of("loss", 1.0 / (s + 1)));
        }
        tracker.finish(0);

        try (MiniWandbServer server = new MiniWandbServer()) {
            WandbSyncCommand cmd = new WandbSyncCommand();
            cmd.env = Map.of("WANDB_API_KEY", KEY, "WANDB_BASE_URL", server.baseUrl());
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine cl = new CommandLine(new WandbCommand());
            cl.setOut(new PrintWriter(out, true));
            cl.setErr(new PrintWriter(err, true));
            CommandLine sync = cl.getSubcommands().get("sync");
            ((WandbSyncCommand) sync.getCommand()).env = cmd.env;
            int code = cl.execute("sync", dir.toString(), tmp.resolve("nothing").toString());
            assertEquals(1, code, "one directory had no journal");
            assertTrue(err.toString().contains("nothing has no W&B journal"), err.toString());
            assertTrue(out.toString().contains(tracker.runId() + " synced"), out + "\n" + err);
            String joined = String.join("\n", server.fileStreamBodies);
            assertTrue(joined.contains("\"complete\":true") && joined.contains("\"exitcode\":0"), joined);
            assertEquals(4, joined.split("_step", -1).length - 1, "3 history lines + the summary: " + joined);
            assertTrue(!out.toString().contains(KEY) && !err.toString().contains(KEY));
            assertEquals(List.of("none"), server.uploadAuthorization,
                    "config.yaml went up without credentials although the signed URL is on the W&B host");
        }
    }
}
