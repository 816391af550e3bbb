package org.harl.core.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.harl.core.config.ResolvedConfig;
import org.harl.core.run.JsonFiles;
import org.harl.core.run.RunDirectory;

/**
 * A sweep's record folder: one small JSON file per finished run ({@code runs/<setting>/seed<n>.json}: its resolved
 * config, the config's SHA-256, and the whole summary with every metric and the wall time), made to be committed
 * with the project. A run whose record matches its planned config counts as done, so a long sweep continues on a
 * fresh clone on another machine without retraining what is recorded. Runs are deterministic given the config, so
 * the record stands for the run.
 *
 * <p>Matching compares every config key that both sides have; a key only one side has (one added to the schema
 * after the run, with its default) is listed, not fatal. The run name is not compared.
 */
public final class RunRecords {

    /** No record folder: nothing is recorded or found. */
    public static final RunRecords NONE = new RunRecords(null);

    /** Summary key marking that a run's result came from its record, not from a run directory. */
    public static final String RECORDED = "recorded_in";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };

    private final Path dir;

    /** @param dir the record folder, or null for none */
    public RunRecords(Path dir) {
        this.dir = dir;
    }

    public boolean enabled() {
        return dir != null;
    }

    public Path dir() {
        return dir;
    }

    /** The record file of a run. */
    public Path file(ExpandedRun run) {
        return dir.resolve("runs").resolve(run.setting()).resolve("seed" + run.seed() + ".json");
    }

    /** A recorded run with its summary, and the config keys that could not be compared. */
    public record Found(Path file, Map<String, Object> summary, List<String> uncompared) {
    }

    /**
     * The record of {@code planned} if one exists and its config matches; a record with another config is an error
     * naming the first differing key (the record or the sweep changed: delete the record to retrain).
     */
    public Optional<Found> find(PlannedRun planned) {
        if (dir == null || !Files.isRegularFile(file(planned.run()))) {
            return Optional.empty();
        }
        Path file = file(planned.run());
        Map<String, Object> record = read(file);
        if (!(record.get("config") instanceof Map<?, ?> config) || !(record.get("summary") instanceof Map<?, ?> s)) {
            throw new IllegalStateException(file + ": not a run record (needs 'config' and 'summary' maps)");
        }
        Map<String, Object> recorded = flatten(cast(config));
        Map<String, Object> wanted = flatten(configTree(planned));
        TreeSet<String> uncompared = new TreeSet<>();
        for (String key : new TreeSet<>(wanted.keySet())) {
            if (!recorded.containsKey(key)) {
                uncompared.add(key);
            } else if (!recorded.get(key).equals(wanted.get(key))) {
                throw new IllegalStateException(file + " records " + planned.run().name() + " with " + key + " = "
                        + recorded.get(key) + ", but the sweep now plans " + wanted.get(key)
                        + "; delete the record to retrain the run, or restore the sweep's value");
            }
        }
        recorded.keySet().stream().filter(k -> !wanted.containsKey(k)).forEach(uncompared::add);
        Map<String, Object> summary = new LinkedHashMap<>(cast(s));
        summary.put(RECORDED, file.toString());
        return Optional.of(new Found(file, summary, List.copyOf(uncompared)));
    }

    /** Writes (atomically) the record of a finished run; the summary's {@link #RECORDED} key is not stored. */
    public Path write(PlannedRun planned, Map<String, Object> summary) {
        Path file = file(planned.run());
        Map<String, Object> config = configTree(planned);
        Map<String, Object> stored = new LinkedHashMap<>(summary);
        stored.remove(RECORDED);
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("run", planned.run().name());
        record.put("setting", planned.run().setting());
        record.put("seed", planned.run().seed());
        record.put("config_sha256", sha256(config));
        record.put("recorded_at", Instant.now().toString());
        record.put("summary", stored);
        record.put("config", config);
        JsonFiles.writeAtomically(JSON, file, record);
        return file;
    }

    /** The planned run's resolved config without its name, as JSON would hold it (numbers and lists normalised). */
    static Map<String, Object> configTree(PlannedRun planned) {
        Map<String, Object> tree = new LinkedHashMap<>(RunDirectory.plainTree(
                ResolvedConfig.toYaml(planned.config().resolved()), "resolved config of " + planned.run().name()));
        tree.remove("name");
        try {
            return JSON.readValue(JSON.writeValueAsString(tree), MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode the config of " + planned.run().name(), e);
        }
    }

    /** SHA-256 of the config's canonical JSON (keys sorted): the same config gives the same hash anywhere. */
    static String sha256(Map<String, Object> config) {
        return JsonFiles.sha256(JSON, config);
    }

    private static Map<String, Object> read(Path file) {
        try {
            return JSON.readValue(Files.readString(file, StandardCharsets.UTF_8), MAP);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the run record " + file + ": " + e.getMessage(), e);
        }
    }

    /** Dotted keys to leaf values (lists are leaves). */
    private static Map<String, Object> flatten(Map<String, Object> tree) {
        Map<String, Object> out = new TreeMap<>();
        flatten("", tree, out);
        return out;
    }

    private static void flatten(String prefix, Map<String, Object> tree, Map<String, Object> out) {
        tree.forEach((k, v) -> {
            String key = prefix.isEmpty() ? k : prefix + "." + k;
            if (v instanceof Map<?, ?> m && !m.isEmpty()) {
                flatten(key, cast(m), out);
            } else {
                out.put(key, v == null ? "null" : v);
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}
