package org.harl.core.eval;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/** A run directory's {@code summary.json}: read it, and merge new keys into it atomically. */
public final class SummaryFile {

    public static final String NAME = "summary.json";

    /** The key a finished training run sets to {@code true}; interrupted runs do not have it. */
    public static final String COMPLETED = "completed";

    /** The number of training epochs a sweep records for its results table. */
    public static final String EPOCHS = "epochs";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SummaryFile() {
    }

    /** The summary of a run, empty when the file does not exist. */
    public static Map<String, Object> read(Path runDir) {
        Path file = runDir.resolve(NAME);
        if (!Files.isRegularFile(file)) {
            return new LinkedHashMap<>();
        }
        try {
            return JSON.readValue(file.toFile(), new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": not a readable JSON object: " + e.getMessage(), e);
        }
    }

    /** Adds (or replaces) keys, keeping the others; written to a temporary file, then moved into place. */
    public static synchronized Map<String, Object> merge(Path runDir, Map<String, ?> values) {
        Map<String, Object> summary = read(runDir);
        summary.putAll(values);
        Path file = runDir.resolve(NAME);
        try {
            Files.createDirectories(runDir);
            Path tmp = Files.createTempFile(runDir, NAME, ".tmp");
            JSON.writeValue(tmp.toFile(), summary);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return summary;
    }

    /** Whether the summary marks the run as having finished all planned steps. */
    public static boolean isCompleted(Map<String, Object> summary) {
        return Boolean.TRUE.equals(summary.get(COMPLETED));
    }
}
