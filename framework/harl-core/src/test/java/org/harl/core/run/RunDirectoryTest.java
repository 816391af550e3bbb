package org.harl.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.harl.core.config.ComponentSpec;
import org.harl.core.config.ExperimentConfig;
import org.harl.core.config.HeadsConfig;
import org.harl.core.config.MonitorConfig;
import org.harl.core.config.OptimizerConfig;
import org.harl.core.config.TrainingConfig;
import org.harl.spi.ComponentKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunDirectoryTest {

    @TempDir
    Path root;

    private static ExperimentConfig experiment(String name, double alpha) {
        ComponentSpec spec = new ComponentSpec(ComponentKind.DATASET, "fake", TrainingConfig.defaults(), Map.of());
        Map<String, Object> resolved = new LinkedHashMap<>();
        resolved.put("name", name);
        resolved.put("loss", new LinkedHashMap<>(Map.of("type", "harl", "alpha", alpha)));
        return new ExperimentConfig(name, 1, spec, spec, spec, Optional.empty(), spec, TrainingConfig.defaults(),
                OptimizerConfig.defaults(), HeadsConfig.defaults(), MonitorConfig.defaults(), List.of(), resolved,
                Path.of("exp.yaml"));
    }

    @Test
    void ownsThePathsOfARun() {
        RunDirectory run = RunDirectory.of(root, experiment("abl/a=1/seed0", 1));
        assertEquals(root.resolve("abl/a=1/seed0"), run.path());
        assertEquals(run.path().resolve("config.yaml"), run.configFile());
        assertEquals(run.path().resolve("checkpoints"), run.checkpoints());
        assertEquals(run.path().resolve("summary.json"), run.summaryFile());
    }

    @Test
    void writesAndComparesTheResolvedConfig() {
        RunDirectory run = RunDirectory.of(root, experiment("e", 1));
        run.writeOrCheckConfig(experiment("e", 1), false);
        assertTrue(run.hasConfigOf(experiment("e", 1)));
        assertFalse(run.hasConfigOf(experiment("e", 2)));
        run.writeOrCheckConfig(experiment("e", 1), true);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> run.writeOrCheckConfig(experiment("e", 2), true));
        assertTrue(e.getMessage().contains("cannot resume") && e.getMessage().contains("exp.yaml"), e.getMessage());
        assertEquals(1.0, ((Map<?, ?>) run.readConfigTree().get("loss")).get("alpha"));
    }

    @Test
    void mergesSummaryKeysByName() throws Exception {
        RunDirectory run = new RunDirectory(root.resolve("r"));
        assertEquals(Map.of(), run.summary());
        run.mergeSummary(Map.of("knn_top1", 0.25, "steps", 8));
        run.mergeSummary(Map.of("knn_top1", 0.5, RunDirectory.COMPLETED, true));
        assertEquals(Map.of("knn_top1", 0.5, "steps", 8, "completed", true), run.summary());
        assertTrue(run.isCompleted());
        try (var files = Files.list(run.path())) {
            assertEquals(List.of("summary.json"), files.map(p -> p.getFileName().toString()).toList());
        }
        run.clearSummary();
        assertFalse(run.isCompleted());
    }
}
