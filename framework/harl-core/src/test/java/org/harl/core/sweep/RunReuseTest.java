package org.harl.core.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.harl.core.config.ComponentSpec;
import org.harl.core.config.ConfigException;
import org.harl.core.config.ExperimentConfig;
import org.harl.core.config.HeadsConfig;
import org.harl.core.config.MonitorConfig;
import org.harl.core.config.OptimizerConfig;
import org.harl.core.config.ResolvedConfig;
import org.harl.core.config.TrainingConfig;
import org.harl.core.run.RunDirectory;
import org.harl.spi.ComponentKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunReuseTest {

    @TempDir
    Path root;

    private static ExperimentConfig config(String name, String pooling) {
        ComponentSpec spec = new ComponentSpec(ComponentKind.DATASET, "fake", TrainingConfig.defaults(), Map.of());
        Map<String, Object> resolved = new LinkedHashMap<>();
        resolved.put("name", name);
        resolved.put("seed", 1);
        resolved.put("loss", new LinkedHashMap<>(Map.of("type", "harl", "pooling", pooling, "alpha", 1.0)));
        return new ExperimentConfig(name, 1, spec, spec, spec, Optional.empty(), spec, TrainingConfig.defaults(),
                OptimizerConfig.defaults(), HeadsConfig.defaults(), MonitorConfig.defaults(), List.of(), resolved,
                null);
    }

    /** A run directory as a finished sweep run leaves it. */
    private Path finishedRun(String name, String pooling, boolean completed) throws Exception {
        Path dir = root.resolve("sweeps").resolve(name);
        ResolvedConfig.write(config(name, pooling), dir);
        Files.createDirectories(dir.resolve("checkpoints"));
        Files.writeString(dir.resolve("checkpoints/step-000000010.ckpt"), "weights");
        new RunDirectory(dir).mergeSummary(Map.of("completed", completed, "knn_top1", 0.4, "linear_top1", 0.5,
                "checkpoint", root.relativize(dir).resolve("checkpoints/step-000000010.ckpt").toString()));
        return dir;
    }

    @Test
    void findsTheCompletedRunWithTheSameConfigUpToItsName() throws Exception {
        finishedRun("mask_type/drfi/seed1", "plus_one", true);
        Path gt = finishedRun("mask_type/ground_truth/seed1", "mean", true);
        RunReuse reuse = new RunReuse(List.of(root.resolve("sweeps/mask_type")), d -> true);

        assertEquals(Optional.of(gt), reuse.find(config("pooling/pooling=mean/seed1", "mean")));
        assertEquals(Optional.empty(), reuse.find(config("pooling/pooling=gap/seed1", "gap")));
    }

    @Test
    void ignoresRunsThatDidNotComplete() throws Exception {
        finishedRun("mask_type/ground_truth/seed1", "mean", false);
        RunReuse reuse = new RunReuse(List.of(root.resolve("sweeps/mask_type")), d -> true);
        assertEquals(Optional.empty(), reuse.find(config("pooling/pooling=mean/seed1", "mean")));
    }

    @Test
    void copiesEveryFileAndMakesTheCopyTheSweepsOwnRun() throws Exception {
        Path from = finishedRun("mask_type/ground_truth/seed1", "mean", true);
        Path to = root.resolve("sweeps/pooling/pooling=mean/seed1");
        ExperimentConfig planned = config("pooling/pooling=mean/seed1", "mean");

        RunReuse.copy(from, to, planned);

        assertEquals("weights", Files.readString(to.resolve("checkpoints/step-000000010.ckpt")));
        assertTrue(new RunDirectory(to).hasConfigOf(planned), "the copy carries the planned config");
        Map<String, Object> summary = new RunDirectory(to).summary();
        assertEquals(from.toString(), summary.get(RunReuse.REUSED_FROM));
        assertEquals(to.resolve("checkpoints/step-000000010.ckpt").toString(), summary.get("checkpoint"));
        assertEquals(0.4, (Double) summary.get("knn_top1"), 0.0);
        assertEquals(planned.training().epochs(), summary.get("epochs"), "filled in: the source had none");
        assertEquals(RunProgress.COMPLETE, RunProgress.of(to, d -> true));
        assertTrue(Files.readString(from.resolve(ResolvedConfig.FILE_NAME)).contains("mask_type/ground_truth"),
                "the source is left as it was");
    }

    @Test
    void neverOverwritesAnExistingDirectory() throws Exception {
        Path from = finishedRun("mask_type/ground_truth/seed1", "mean", true);
        Path to = Files.createDirectories(root.resolve("sweeps/pooling/pooling=mean/seed1"));
        assertThrows(IllegalStateException.class,
                () -> RunReuse.copy(from, to, config("pooling/pooling=mean/seed1", "mean")));
    }

    @Test
    void readsSourceConfigsWithTheSafeConfigReader() throws Exception {
        Path dir = finishedRun("mask_type/ground_truth/seed1", "mean", true);
        Path file = dir.resolve(RunDirectory.CONFIG);
        // a hand-edited config.yaml with a repeated key: the config loader rejects it, so must reuse
        Files.writeString(file, Files.readString(file) + "seed: 2\n");
        ConfigException e = assertThrows(ConfigException.class,
                () -> new RunReuse(List.of(root.resolve("sweeps/mask_type")), d -> true));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("duplicate key"),
                e.getMessage());

        Files.writeString(file, "name: x\nseed: !!java.io.File /tmp\n");
        e = assertThrows(ConfigException.class,
                () -> new RunReuse(List.of(root.resolve("sweeps/mask_type")), d -> true));
        assertTrue(e.getMessage().contains("not allowed"), e.getMessage());
    }

    @Test
    void aMissingSourceDirectoryIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RunReuse(List.of(root.resolve("nope")), d -> true));
        assertTrue(e.getMessage().contains("nope"), e.getMessage());
    }
}
