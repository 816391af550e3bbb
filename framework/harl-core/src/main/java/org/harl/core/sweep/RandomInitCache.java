package org.harl.core.sweep;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.harl.core.run.JsonFiles;
import org.harl.core.run.RunDirectory;

/**
 * The random-initialisation evaluations of a sweep's runs, computed once per distinct untrained encoder. Runs of one
 * seed that differ only in what training does with the encoder (the loss, the masks) start from the same weights
 * (paired seeds), so their {@code random_init_*} results are the same computation; in a paired sweep of four
 * settings this saves three of every four. Kept in {@code <sweep dir>/random_init_cache/<key>.json}, where the key
 * is the SHA-256 of the run's resolved config without those keys, plus the evaluations asked for.
 */
final class RandomInitCache {

    /** Config keys that change what training does, not the untrained encoder or how it is evaluated. */
    static final Set<String> TRAINING_ONLY = Set.of("name", "loss", "mask_proposer");

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private final Path dir;

    /** The cache of the sweep that {@code runDir} ({@code <sweep dir>/<setting>/seed<n>}) belongs to. */
    RandomInitCache(Path runDir) {
        this.dir = runDir.toAbsolutePath().getParent().getParent().resolve("random_init_cache");
    }

    /**
     * The cached results for this run's untrained encoder and {@code evaluations}, else {@code compute}'s (then
     * cached). {@code shared} is told whether the results came from the cache.
     */
    Map<String, Object> computeIfAbsent(Path runDir, List<String> evaluations, Callable<Map<String, Object>> compute,
                                        java.util.function.Consumer<Path> shared) throws Exception {
        Path file = dir.resolve(key(runDir, evaluations) + ".json");
        if (Files.isRegularFile(file)) {
            shared.accept(file);
            return JSON.readValue(Files.readString(file, StandardCharsets.UTF_8), new TypeReference<>() { });
        }
        Map<String, Object> results = compute.call();
        JsonFiles.writeAtomically(JSON, file, results);
        return results;
    }

    static String key(Path runDir, List<String> evaluations) {
        Map<String, Object> tree = new LinkedHashMap<>(new RunDirectory(runDir).readConfigTree());
        TRAINING_ONLY.forEach(tree::remove);
        Map<String, Object> keyed = new LinkedHashMap<>();
        keyed.put("config", tree);
        keyed.put("evaluations", evaluations.stream().sorted().toList());
        return JsonFiles.sha256(JSON, keyed);
    }
}
