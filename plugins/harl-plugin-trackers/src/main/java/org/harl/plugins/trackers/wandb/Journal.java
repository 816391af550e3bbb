package org.harl.plugins.trackers.wandb;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * The append-only record of everything a run would send to W&B: {@code RUN_DIR/wandb/run-<id>.journal.jsonl}.
 * Online runs write it too, so a run that loses the server (or crashes) can be completed with
 * {@code harl wandb sync}. Entries carry file_stream offsets, so replaying a journal twice is harmless.
 */
public final class Journal implements AutoCloseable {
    static final String SUFFIX = ".journal.jsonl";
    private final Path file;
    private final UnaryOperator<String> redactor;
    private BufferedWriter writer;
    private long entries;

    private Journal(Path file, UnaryOperator<String> redactor, long existing) throws IOException {
        this.file = file;
        this.redactor = redactor;
        this.entries = existing;
        Files.createDirectories(file.getParent());
        this.writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    /** The journal of run {@code runId} in {@code wandbDir} ({@code RUN_DIR/wandb}). */
    public static Path path(Path wandbDir, String runId) {
        return wandbDir.resolve("run-" + runId + SUFFIX);
    }

    /** Opens for appending; {@code redactor} scrubs secrets from each line before it is written. */
    public static Journal open(Path file, UnaryOperator<String> redactor) throws IOException {
        return new Journal(file, redactor, Files.exists(file) ? read(file).size() : 0);
    }

    public Path file() {
        return file;
    }

    /** Entries in the file, including those written before this process. */
    public synchronized long size() {
        return entries;
    }

    /** Appends one entry and flushes it to the OS, so a crash loses at most the entry being written. */
    public synchronized void append(JournalEntry entry) throws IOException {
        if (writer == null) {
            throw new IOException("journal " + file + " is closed");
        }
        writer.write(redactor.apply(entry.toJson()));
        writer.write('\n');
        writer.flush();
        entries++;
    }

    /** Reads every entry; a last line cut off by a crash is skipped. */
    public static List<JournalEntry> read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<JournalEntry> out = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            try {
                out.add(JournalEntry.fromJson(line));
            } catch (IllegalArgumentException e) {
                if (i == lines.size() - 1) {
                    break;
                }
                throw new IOException(file + " line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    /** Every journal in {@code wandbDir}, oldest first. */
    public static List<Path> list(Path wandbDir) throws IOException {
        if (!Files.isDirectory(wandbDir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(wandbDir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(SUFFIX))
                    .sorted((a, b) -> {
                        try {
                            return Files.getLastModifiedTime(a).compareTo(Files.getLastModifiedTime(b));
                        } catch (IOException e) {
                            return a.compareTo(b);
                        }
                    }).toList();
        }
    }

    /** The marker written after a successful upload; holds the number of entries that were sent. */
    public static Path syncedMarker(Path journal) {
        String name = journal.getFileName().toString();
        return journal.resolveSibling(name.substring(0, name.length() - SUFFIX.length()) + ".journal.synced");
    }

    /** Entries uploaded according to the marker (empty if never synced). */
    public static Optional<Long> syncedEntries(Path journal) {
        try {
            Path marker = syncedMarker(journal);
            return Files.exists(marker) ? Optional.of(Long.parseLong(Files.readString(marker).trim()))
                    : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Records that the first {@code count} entries reached the server. */
    public static void markSynced(Path journal, long count) throws IOException {
        Files.writeString(syncedMarker(journal), count + "\n", StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void close() throws IOException {
        if (writer != null) {
            writer.close();
            writer = null;
        }
    }
}
