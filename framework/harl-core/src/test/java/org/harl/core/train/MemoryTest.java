package org.harl.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.harl.core.config.MonitorConfig;
import org.harl.core.config.OptimizerConfig;
import org.harl.core.run.RunOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemoryTest {

    @TempDir
    Path runs;

    @Test
    void liveNativeArraysStayConstantOverTraining() throws Exception {
        // LARS: the optimizer with the most temporaries per update (norms, trust ratio)
        for (OptimizerConfig.OptimizerType type : List.of(OptimizerConfig.OptimizerType.LARS)) {
            OptimizerConfig opt = new OptimizerConfig(type, 0.05, 1e-4, 0.9, 1e-3, 0, 0, true);
            // 200 steps in one epoch, checkpoint every 50, gradient accumulation 2
            var e = TestParts.experiment("mem-" + type, TestParts.training(1, 4, 2, 50), opt, MonitorConfig.defaults());
            Map<Long, Integer> live = new HashMap<>();
            new TrainingLoop(e, new TestParts.TinyBackbone(), new TestParts.ImgFgLoss(),
                    new TestParts.FakeSource(4, 4, 200, 1), 4, Optional.empty(), List.of())
                    .addListener((step, result, nets) -> live.put(step, nets.liveArrays()))
                    .run(new RunOptions(runs, false, null, true));
            assertTrue(live.get(9L) > 0);
            assertEquals(live.get(9L), live.get(199L), type + ": live arrays " + live.get(9L) + " -> "
                    + live.get(199L));
        }
    }
}
