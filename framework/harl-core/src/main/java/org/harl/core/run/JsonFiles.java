package org.harl.core.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** JSON files written whole or not at all, and content hashes of JSON values: shared by the run and sweep files. */
public final class JsonFiles {

    private JsonFiles() {
    }

    /** Writes {@code value} to a temporary file beside {@code file}, then moves it into place atomically. */
    public static void writeAtomically(ObjectMapper json, Path file, Object value) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            json.writeValue(tmp.toFile(), value);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** SHA-256 (hex) of {@code value} as {@code json} writes it; with sorted map keys, the same value hashes alike. */
    public static String sha256(ObjectMapper json, Object value) {
        try {
            byte[] bytes = json.writeValueAsString(value).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash a JSON value", e);
        }
    }
}
