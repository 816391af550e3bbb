package org.harl.plugins.trackers.wandb;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The fixture of the W&B tracker tests: a fresh fake W&B server per test, a temp folder and the captured output. */
abstract class WandbServerFixture {

    @TempDir
    Path tmp;

    FakeWandbServer server;

    /** What the trackers print (progress, warnings, errors). */
    final WandbTestSupport.Captured err = new WandbTestSupport.Captured();

    @BeforeEach
    void startServer() throws Exception {
        server = new FakeWandbServer();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }
}
