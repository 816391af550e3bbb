package org.harl.cli.wandb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.harl.core.config.ComponentBinder;
import org.harl.core.config.ComponentSpec;
import org.harl.core.guice.Harl;
import org.harl.plugins.trackers.console.ConsoleConfig;
import org.harl.plugins.trackers.wandb.WandbConfig;
import org.harl.spi.ComponentKind;
import org.junit.jupiter.api.Test;

/** The trackers' YAML sections bind through the real binder: snake_case keys, defaults, validation. */
class TrackerConfigBindingTest {
    private final ComponentBinder binder = Harl.injector().getInstance(ComponentBinder.class);

    @Test
    void wandbSectionBindsOverItsDefaults() {
        ComponentSpec spec = binder.bind(ComponentKind.TRACKER, Map.of("type", "wandb", "mode", "offline",
                "tags", List.of("cpu", "stl10"), "flush_interval_s", 5, "upload_checkpoints", true),
                Path.of("exp.yaml"));
        WandbConfig c = spec.config(WandbConfig.class);
        assertEquals("offline", c.mode());
        assertEquals(List.of("cpu", "stl10"), c.tags());
        assertEquals(5.0, c.flushIntervalS());
        assertTrue(c.uploadCheckpoints());
        assertNull(c.entity(), "unset keys fall back to WANDB_* variables");
        assertEquals(30, c.maxRetries());
    }

    @Test
    void consoleAndJsonlBindByNameAlone() {
        ConsoleConfig console = binder.bind(ComponentKind.TRACKER, "console", List.of("quiet=true"))
                .config(ConsoleConfig.class);
        assertTrue(console.quiet());
        assertEquals("jsonl", binder.bind(ComponentKind.TRACKER, "jsonl", List.of()).type());
    }

    @Test
    void badValuesNameTheKey() {
        Exception e = assertThrows(RuntimeException.class, () -> binder.bind(ComponentKind.TRACKER,
                Map.of("type", "wandb", "mode", "sometimes"), Path.of("exp.yaml")));
        assertTrue(e.getMessage().contains("mode") && e.getMessage().contains("sometimes"), e.getMessage());
        Exception f = assertThrows(RuntimeException.class, () -> binder.bind(ComponentKind.TRACKER,
                Map.of("type", "wandb", "api_key", "x"), Path.of("exp.yaml")));
        assertTrue(f.getMessage().contains("api_key"), f.getMessage());
    }
}
