package org.harl.plugins.trackers.wandb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.harl.spi.config.InvalidConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WandbSettingsTest {
    @TempDir
    Path tmp;

    @Test
    void yamlOverEnvironmentOverDefaults() {
        WandbConfig yaml = new WandbConfig(null, "team", null, null, null, List.of(), null, null, null, false,
                15, 2, 60, 30, 60, 120, 100);
        Map<String, String> env = Map.of("WANDB_ENTITY", "envteam", "WANDB_PROJECT", "envproj", "WANDB_TAGS",
                "a, b,,c", "WANDB_MODE", "offline", "WANDB_BASE_URL", "http://localhost:8080/", "HOME", "/none");
        WandbSettings s = WandbSettings.resolve(yaml, env, "run1", "sweep");
        assertEquals("team", s.entity());
        assertEquals("envproj", s.project());
        assertEquals(List.of("a", "b", "c"), s.tags());
        assertEquals(WandbMode.OFFLINE, s.mode());
        assertEquals("http://localhost:8080", s.baseUrl());
        assertEquals("run1", s.displayName());
        assertEquals("sweep", s.group());
        assertEquals("pretrain", s.jobType());
        WandbSettings d = WandbSettings.resolve(WandbConfig.defaults(), Map.of("HOME", "/none"), "r", null);
        assertEquals(WandbMode.ONLINE, d.mode());
        assertEquals("https://api.wandb.ai", d.baseUrl());
        assertEquals("harl", d.project());
    }

    @Test
    void keyFromEnvironmentElseNetrcOfTheBaseUrlHost() throws Exception {
        Path netrc = tmp.resolve("netrc");
        Files.writeString(netrc, "machine api.wandb.ai\n  login user\n  password cloudkey1234\n"
                + "machine localhost:8080 login user password localkey5678\n");
        assertEquals("WANDB_API_KEY", WandbSettings.findKey(Map.of("WANDB_API_KEY", "k"), "https://api.wandb.ai")
                .orElseThrow().source());
        ApiKey cloud = WandbSettings.findKey(Map.of("NETRC", netrc.toString()), "https://api.wandb.ai").orElseThrow();
        assertEquals("Basic " + java.util.Base64.getEncoder().encodeToString("api:cloudkey1234".getBytes()),
                cloud.basicAuthorization());
        ApiKey local = WandbSettings.findKey(Map.of("NETRC", netrc.toString()), "http://localhost:8080")
                .orElseThrow();
        assertEquals("*** and ***", local.redact("localkey5678 and " + local.basicAuthorization().substring(6)));
        Path home = tmp.resolve("home");
        Files.createDirectories(home);
        Files.copy(netrc, home.resolve(".netrc"));
        assertTrue(WandbSettings.findKey(Map.of("HOME", home.toString()), "https://api.wandb.ai").isPresent());
        assertTrue(WandbSettings.findKey(Map.of("HOME", home.toString()), "https://other.host").isEmpty());
    }

    @Test
    void badValuesAreRejectedWithTheirKey() {
        assertThrows(IllegalArgumentException.class, () -> WandbSettings.normaliseBaseUrl("https://wandb.ai"));
        assertThrows(IllegalArgumentException.class, () -> WandbSettings.normaliseBaseUrl("ftp://x"));
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> new WandbConfig("sometimes",
                null, null, null, null, List.of(), null, null, null, false, 15, 2, 60, 30, 60, 120, 100));
        assertEquals("mode", e.key());
        assertThrows(IllegalArgumentException.class, () -> RunState.validRunId("a/b", "WANDB_RUN_ID"));
        assertEquals("https://wandb.ai", WandbSettings.appUrl("https://api.wandb.ai"));
        assertEquals("https://app.example.com", WandbSettings.appUrl("https://api.example.com"));
        assertEquals("http://localhost:8080", WandbSettings.appUrl("http://localhost:8080"));
        assertTrue(RunState.newRunId().matches("[a-z0-9]{8}"));
    }
}
