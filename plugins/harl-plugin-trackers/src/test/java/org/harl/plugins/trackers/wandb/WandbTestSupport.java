package org.harl.plugins.trackers.wandb;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Fast settings and a captured error stream for W&B tests. */
final class WandbTestSupport {
    /** Recognisable fake key: must never show up anywhere. */
    static final String KEY = "harlfakekey0123456789abcdefghijklmnopqrstuv";

    private WandbTestSupport() {
    }

    static WandbConfig config(String mode, String baseUrl) {
        return new WandbConfig(mode, null, "proj", null, null, List.of("cpu", "test"), "notes here", null, baseUrl,
                false, 0.05, 0.01, 0.05, 6, 1.0, 20, 10_000);
    }

    static Map<String, String> env(String key) {
        return key == null ? Map.of("HOME", "/nonexistent") : Map.of("WANDB_API_KEY", key, "HOME", "/nonexistent");
    }

    /** A PrintStream whose text can be read back. */
    static final class Captured {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);

        String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }
}
