package org.harl.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.harl.core.config.DeviceSpec;
import org.harl.core.config.DeviceSpec.Kind;
import org.harl.core.config.ExperimentConfig;
import org.harl.core.config.MonitorConfig;
import org.harl.core.config.OptimizerConfig;
import org.harl.core.run.RunOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevicesTest {

    @TempDir
    Path runs;

    private static DeviceSpec spec(Object yaml) {
        return DeviceSpec.fromScalar(yaml);
    }

    @Test
    void autoIsEveryGpuElseTheCpu() {
        assertEquals(List.of(Device.cpu()), Devices.select(DeviceSpec.auto(), 0).all());
        assertEquals(List.of(Device.gpu(0), Device.gpu(1)), Devices.select(DeviceSpec.auto(), 2).all());
        assertEquals(List.of(Device.cpu()), Devices.select(spec("cpu"), 4).all());
        assertEquals(List.of(Device.gpu(0), Device.gpu(1), Device.gpu(2)), Devices.select(spec("gpu"), 3).all());
        assertEquals(List.of(Device.gpu(2), Device.gpu(0)),
                Devices.select(spec(List.of("gpu:2", "gpu:0")), 3).all());
        Devices d = Devices.select(spec("gpu:1"), 2);
        assertEquals(Device.gpu(1), d.primary());
        assertFalse(d.parallel());
        assertTrue(Devices.select(spec("gpu"), 2).parallel());
        assertEquals("gpu:0, gpu:1", Devices.select(spec("gpu"), 2).toString());
    }

    @Test
    void aMissingGpuFailsListingTheVisibleDevices() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Devices.select(spec("gpu:3"), 1));
        assertEquals("training.device: gpu:3 is not visible; visible devices: cpu, gpu:0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Devices.select(spec("gpu"), 0));
        assertTrue(e.getMessage().startsWith("training.device: gpu asks for every GPU, but the engine sees none; "
                + "visible devices: cpu"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Devices.select(spec(List.of("gpu:0", "gpu:1")), 1));
    }

    @Test
    void aBatchTooSmallToSplitIsRejected() {
        Devices two = Devices.select(spec("gpu"), 2);
        two.checkBatch(4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> two.checkBatch(3));
        assertTrue(e.getMessage().startsWith("training.batch_size: 3 images split over 2 devices (gpu:0, gpu:1)"),
                e.getMessage());
        Devices.select(spec("gpu:0"), 2).checkBatch(2);
    }

    /** On this machine's engine (no GPU in the CPU build) a run asking for gpu:3 stops before it writes anything. */
    @Test
    void aRunOnAnInvisibleGpuFailsAtStart() {
        ExperimentConfig e = TestParts.experiment("gpu3", TestParts.training(1, 4, 1, 0)
                .withDevice(new DeviceSpec(Kind.GPUS, List.of(3))), TestParts.lars(), MonitorConfig.defaults());
        int gpus = ai.djl.engine.Engine.getInstance().getGpuCount();
        TrainingLoop loop = new TrainingLoop(e, new TestParts.TinyBackbone(), new TestParts.ImgFgLoss(),
                new TestParts.FakeSource(4, 8, 1, 1), 8, Optional.empty(), List.of());
        if (gpus > 3) {
            return; // a machine with four GPUs has gpu:3
        }
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> loop.run(new RunOptions(runs, false, null, true)));
        assertTrue(ex.getMessage().startsWith("training.device: gpu:3 is not visible; visible devices: "
                + Devices.visible(gpus)), ex.getMessage());
        assertFalse(Files.exists(runs.resolve("gpu3")), "a run directory was created");
    }
}
