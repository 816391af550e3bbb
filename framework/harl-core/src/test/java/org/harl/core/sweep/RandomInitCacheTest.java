package org.harl.core.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.harl.core.config.ResolvedConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RandomInitCacheTest {

    @TempDir
    Path sweep;

    private final List<String> computed = new ArrayList<>();
    private final List<Path> shared = new ArrayList<>();

    private Path run(String setting, long seed, String loss, int epochs) throws Exception {
        Path dir = sweep.resolve(setting).resolve("seed" + seed);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("config.yaml"), ResolvedConfig.toYaml(Map.of("name", "abl/" + setting,
                "seed", seed, "loss", Map.of("type", loss), "training", Map.of("epochs", epochs))));
        return dir;
    }

    private Map<String, Object> evaluate(Path runDir, List<String> evaluations) throws Exception {
        return new RandomInitCache(runDir).computeIfAbsent(runDir, evaluations, () -> {
            computed.add(sweep.relativize(runDir).toString());
            return Map.of("random_init_linear_top1", 0.4 + runDir.getFileName().toString().length() / 100.0);
        }, shared::add);
    }

    @Test
    void runsThatDifferOnlyInLossOrMasksShareTheirUntrainedEvaluation() throws Exception {
        Map<String, Object> byol = evaluate(run("byol", 0, "byol", 48), List.of("linear", "knn"));
        Map<String, Object> harl = evaluate(run("harl", 0, "harl", 48), List.of("knn", "linear"));
        assertEquals(List.of("byol/seed0"), computed);
        assertEquals(byol, harl);
        assertEquals(1, shared.size());
    }

    @Test
    void anotherSeedOtherConfigOrOtherEvaluationsAreComputed() throws Exception {
        evaluate(run("byol", 0, "byol", 48), List.of("linear"));
        evaluate(run("byol", 1, "byol", 48), List.of("linear"));
        evaluate(run("long", 0, "byol", 96), List.of("linear"));
        evaluate(run("harl", 0, "harl", 48), List.of("linear", "semi"));
        assertEquals(List.of("byol/seed0", "byol/seed1", "long/seed0", "harl/seed0"), computed);
        assertEquals(List.of(), shared);
    }
}
