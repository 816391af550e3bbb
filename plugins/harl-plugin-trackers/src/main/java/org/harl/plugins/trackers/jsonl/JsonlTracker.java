package org.harl.plugins.trackers.jsonl;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.harl.plugins.trackers.AtomicFiles;
import org.harl.plugins.trackers.ExtendedJson;
import org.harl.plugins.trackers.TrackerWarnings;
import org.harl.spi.ComponentFactory;
import org.harl.spi.ComponentKind;
import org.harl.spi.track.RunInfo;
import org.harl.spi.track.Tracker;

/**
 * Writes {@code metrics.jsonl} (one object per log call: {@code "step"} plus the metrics), {@code media.jsonl}
 * (logged images) and {@code config.json}. The run's {@code summary.json} belongs to the core's run directory,
 * which writes it whatever trackers are configured, so summary values are not written here.
 * A resumed run first drops the rows at steps {@code >= startStep}, so each step appears once.
 */
public final class JsonlTracker implements Tracker {

    /** Registers the {@code jsonl} tracker. */
    public static final ComponentFactory<JsonlConfig, Tracker> FACTORY = ComponentFactory.of(ComponentKind.TRACKER,
            "jsonl", "metrics.jsonl + media.jsonl in the run directory (read by `harl report`)", JsonlConfig.class,
            JsonlConfig.defaults(), (config, context) -> new JsonlTracker(config, System.err));

    private final JsonlConfig config;
    private final TrackerWarnings warnings;
    private Path dir;
    private BufferedWriter metrics;

    public JsonlTracker(JsonlConfig config, PrintStream err) {
        this.config = config;
        this.warnings = new TrackerWarnings("jsonl", err);
    }

    @Override
    public void start(RunInfo run) {
        dir = run.directory();
        try {
            Files.createDirectories(dir);
            Path metricsPath = dir.resolve(config.metricsFile());
            Path mediaPath = dir.resolve(config.mediaFile());
            if (run.resumed()) {
                keepRowsBefore(metricsPath, run.startStep());
                keepRowsBefore(mediaPath, run.startStep());
            } else {
                Files.deleteIfExists(metricsPath);
                Files.deleteIfExists(mediaPath);
            }
            AtomicFiles.write(dir.resolve("config.json"), ExtendedJson.write(ExtendedJson.plain(run.config())) + "\n");
            metrics = Files.newBufferedWriter(metricsPath, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException | RuntimeException e) {
            warnings.warn("cannot set up run files in " + dir + ": " + e.getMessage() + " (metrics are not saved)");
            metrics = null;
        }
    }

    /**
     * Rewrites a JSONL file keeping only rows whose "step" is below {@code startStep}. Only an unreadable last line
     * is dropped (a crash mid-write); one elsewhere is damage the user should see, so nothing is rewritten.
     */
    static void keepRowsBefore(Path file, long startStep) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        List<String> kept = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        int last = lines.size() - 1;
        while (last >= 0 && lines.get(last).isBlank()) {
            last--;
        }
        for (int i = 0; i <= last; i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            Map<String, Object> row;
            try {
                row = ExtendedJson.readMap(line);
            } catch (IllegalArgumentException e) {
                if (i == last) {
                    break; // the last line, cut off by a crash mid-write
                }
                throw new IOException(file + " line " + (i + 1) + " is not a JSON object (" + e.getMessage()
                        + "); only a cut-off last line is dropped on resume, so the file is left as it is");
            }
            if (row.get("step") instanceof Number step && step.longValue() < startStep) {
                kept.add(line);
            }
        }
        AtomicFiles.write(file, kept.isEmpty() ? "" : String.join("\n", kept) + "\n");
    }

    @Override
    public synchronized void log(long step, Map<String, Object> values) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("step", step);
        values.forEach((k, v) -> row.put(k, ExtendedJson.plain(v)));
        appendLine(row);
    }

    private void appendLine(Map<String, Object> row) {
        if (metrics == null) {
            return;
        }
        try {
            metrics.write(ExtendedJson.write(row));
            metrics.write('\n');
            metrics.flush();
        } catch (IOException e) {
            warnings.warn("cannot append to " + config.metricsFile() + ": " + e.getMessage());
        }
    }

    @Override
    public synchronized void logImage(long step, String key, Path png, String caption) {
        if (dir == null) {
            return;
        }
        try {
            Path stored = png.toAbsolutePath().normalize();
            Path root = dir.toAbsolutePath().normalize();
            if (!stored.startsWith(root)) {
                String safeKey = key.replaceAll("[^A-Za-z0-9_.-]", "_");
                stored = root.resolve("media").resolve(safeKey + "_" + step + ".png");
                Files.createDirectories(stored.getParent());
                Files.copy(png, stored, StandardCopyOption.REPLACE_EXISTING);
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("step", step);
            row.put("key", key);
            row.put("path", root.relativize(stored).toString().replace('\\', '/'));
            if (caption != null) {
                row.put("caption", caption);
            }
            Files.writeString(dir.resolve(config.mediaFile()), ExtendedJson.write(row) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            warnings.warn("cannot record image " + key + ": " + e.getMessage());
        }
    }

    @Override
    public synchronized void summary(Map<String, Object> values) {
        // summary.json is written by the core's run directory for every run; this tracker keeps to its own files
    }

    @Override
    public synchronized void finish(int exitCode) {
        close();
    }

    @Override
    public synchronized void close() {
        if (metrics != null) {
            try {
                metrics.close();
            } catch (IOException e) {
                warnings.warn("cannot close " + config.metricsFile() + ": " + e.getMessage());
            }
            metrics = null;
        }
    }
}
