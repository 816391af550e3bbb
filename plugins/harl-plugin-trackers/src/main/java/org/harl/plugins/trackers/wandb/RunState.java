package org.harl.plugins.trackers.wandb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import org.harl.plugins.trackers.AtomicFiles;
import org.harl.plugins.trackers.ExtendedJson;

/**
 * {@code RUN_DIR/wandb/run.json}: which W&B run this run directory belongs to, so a resumed training run and
 * {@code harl wandb sync} continue the same W&B run.
 *
 * @param entity null until the server told us (offline runs resolve it at sync)
 */
public record RunState(String runId, String entity, String project, String baseUrl) {
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    public static Path path(Path wandbDir) {
        return wandbDir.resolve("run.json");
    }

    /** 8 random {@code [a-z0-9]} characters, like W&B's run ids. */
    public static String newRunId() {
        StringBuilder sb = new StringBuilder(8);
        for (int i = 0; i < 8; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    /** Checks a run id the way W&B does. */
    public static String validRunId(String id, String source) {
        if (id == null || id.isBlank() || id.length() > 128 || id.chars().anyMatch(c -> ":;,#?/'".indexOf(c) >= 0
                || Character.isWhitespace(c))) {
            throw new IllegalArgumentException(source + ": invalid W&B run id '" + id
                    + "' (no spaces or any of :;,#?/')");
        }
        return id;
    }

    public static RunState load(Path wandbDir) throws IOException {
        Path p = path(wandbDir);
        Map<String, Object> m = ExtendedJson.readMap(Files.readString(p));
        Object id = m.get("run_id");
        if (!(id instanceof String s)) {
            throw new IOException(p + ": no run_id");
        }
        return new RunState(s, (String) m.get("entity"), (String) m.get("project"), (String) m.get("base_url"));
    }

    public void save(Path wandbDir) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("run_id", runId);
        m.put("entity", entity);
        m.put("project", project);
        m.put("base_url", baseUrl);
        AtomicFiles.write(path(wandbDir), ExtendedJson.write(m) + "\n");
    }

    public RunState withEntity(String resolved) {
        return new RunState(runId, resolved, project, baseUrl);
    }
}
