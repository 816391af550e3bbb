package org.harl.core.config;

import static org.harl.core.config.Fixtures.errors;
import static org.harl.core.config.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.harl.core.config.DeviceSpec.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code training.device}: every form binds, malformed values name the key, the resolved tree reads back. */
class DeviceSettingTest {

    @TempDir
    Path dir;

    private DeviceSpec load(String deviceLine) {
        Path f = write(dir, "d.yaml", Fixtures.VALID.replace("  batch_size: 4", "  batch_size: 4\n" + deviceLine));
        return Fixtures.loader().load(f, List.of()).training().device();
    }

    @Test
    void everyFormBinds() {
        assertEquals(DeviceSpec.auto(), Fixtures.loader().load(write(dir, "x.yaml", Fixtures.VALID), List.of())
                .training().device());
        assertEquals(new DeviceSpec(Kind.AUTO, List.of()), load("  device: auto"));
        assertEquals(new DeviceSpec(Kind.CPU, List.of()), load("  device: cpu"));
        assertEquals(new DeviceSpec(Kind.ALL_GPUS, List.of()), load("  device: GPU"));
        assertEquals(new DeviceSpec(Kind.GPUS, List.of(3)), load("  device: gpu:3"));
        assertEquals(new DeviceSpec(Kind.GPUS, List.of(1, 0)), load("  device: [gpu:1, gpu:0]"));
        assertEquals(new DeviceSpec(Kind.GPUS, List.of(2)), load("  device:\n    - gpu:2"));
    }

    @Test
    void overrideOnTheCommandLine() {
        Path f = write(dir, "x.yaml", Fixtures.VALID);
        assertEquals(new DeviceSpec(Kind.GPUS, List.of(1)),
                Fixtures.loader().load(f, List.of("training.device=gpu:1")).training().device());
        assertEquals(new DeviceSpec(Kind.CPU, List.of()),
                Fixtures.loader().load(f, List.of("training.device=cpu")).training().device());
    }

    @Test
    void malformedValuesNameTheKeyAndTheForms() {
        Path f = write(dir, "bad.yaml", Fixtures.VALID.replace("  batch_size: 4", "  batch_size: 4\n  device: cuda"));
        assertEquals(List.of(f + ":14:11 training.device: expected auto, cpu, gpu, gpu:N or a list of gpu:N, "
                + "got 'cuda'"), errors(f, List.of()));
        Path g = write(dir, "dup.yaml", Fixtures.VALID.replace("  batch_size: 4",
                "  batch_size: 4\n  device: [gpu:0, gpu:0]"));
        assertEquals(List.of(g + ":14:11 training.device: gpu:0 is listed twice"), errors(g, List.of()));
        Path h = write(dir, "mixed.yaml", Fixtures.VALID.replace("  batch_size: 4",
                "  batch_size: 4\n  device: [gpu:0, cpu]"));
        assertEquals(List.of(h + ":14:11 training.device: list items must be gpu:N, got 'cpu'"),
                errors(h, List.of()));
        Path i = write(dir, "map.yaml", Fixtures.VALID.replace("  batch_size: 4",
                "  batch_size: 4\n  device: {gpu: 1}"));
        assertEquals(1, errors(i, List.of()).size());
        assertEquals(true, errors(i, List.of()).get(0).contains("training.device"));
    }

    @Test
    void resolvedTreeWritesTheSettingAsYamlAndReadsBack() {
        Path f = write(dir, "x.yaml", Fixtures.VALID.replace("  batch_size: 4", "  batch_size: 4\n"
                + "  device: [gpu:0, gpu:1]"));
        ExperimentConfig c = Fixtures.loader().load(f, List.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> training = (Map<String, Object>) c.resolved().get("training");
        assertEquals(List.of("gpu:0", "gpu:1"), training.get("device"));
        ExperimentConfig again = Fixtures.loader().bind(c.resolved(), dir.resolve("memory.yaml"));
        assertEquals(c.training(), again.training());
        assertEquals("gpu:3", RecordSchema.plain(new DeviceSpec(Kind.GPUS, List.of(3))));
        assertEquals("auto", RecordSchema.plain(DeviceSpec.auto()));
    }

    @Test
    void recordRejectsInconsistentParts() {
        assertThrows(IllegalArgumentException.class, () -> new DeviceSpec(Kind.GPUS, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new DeviceSpec(Kind.CPU, List.of(0)));
        assertThrows(IllegalArgumentException.class, () -> new DeviceSpec(Kind.GPUS, List.of(1, 1)));
        assertThrows(org.harl.spi.config.InvalidConfigException.class, () -> TrainingConfig.defaults()
                .withDevice(null));
    }
}
