package org.harl.core.registry;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.harl.core.config.ComponentBinder;
import org.harl.core.guice.Harl;
import org.harl.spi.PluginContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link PluginContext#openEncoder} as the core serves it (a real run is opened in the CLI's train-saliency test). */
class PluginContextsTest {

    @Test
    void injectedContextsOpenRunsAndNameADirectoryThatIsNone(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("not_a_run"));
        PluginContext context = Harl.injector().getInstance(PluginContexts.class).forTool(1, dir.resolve("x.yaml"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> context.openEncoder(dir.resolve("not_a_run")));
        assertTrue(e.getMessage().startsWith("cannot load the encoder of " + dir.resolve("not_a_run")),
                e.getMessage());
        assertTrue(e.getMessage().contains("is not a run directory"), e.getMessage());
    }

    @Test
    void contextsBuiltWithoutAnOpenerSayTheyOpenNoEncoders(@TempDir Path dir) {
        PluginRegistry registry = PluginRegistry.discover();
        PluginContext context = new PluginContexts(registry, new ComponentBinder(registry)).forTool(1, dir);
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> context.openEncoder(dir));
        assertTrue(e.getMessage().contains("open no trained encoders"), e.getMessage());
    }
}
