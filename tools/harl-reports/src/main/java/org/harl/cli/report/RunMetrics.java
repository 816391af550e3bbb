package org.harl.cli.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.harl.plugins.trackers.ExtendedJson;

/**
 * A run directory's metrics as the {@code jsonl} tracker wrote them: {@code metrics.jsonl} rows (step plus
 * values) and {@code summary.json}.
 */
public record RunMetrics(String name, Path directory, List<Map<String, Object>> rows, Map<String, Object> summary) {

    /** A metric over steps, with non-finite points left out. */
    public record Series(double[] steps, double[] values) {
        public boolean isEmpty() {
            return steps.length == 0;
        }
    }

    /**
     * Reads a run directory.
     *
     * @throws IOException naming the file (and line) when something is missing or unreadable
     */
    public static RunMetrics load(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + " is not a run directory");
        }
        Path metrics = dir.resolve("metrics.jsonl");
        Path summary = dir.resolve("summary.json");
        if (!Files.exists(metrics) && !Files.exists(summary)) {
            throw new IOException(dir + " has neither metrics.jsonl nor summary.json (was it run with the jsonl"
                    + " tracker?)");
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        if (Files.exists(metrics)) {
            List<String> lines = Files.readAllLines(metrics, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).isBlank()) {
                    continue;
                }
                try {
                    rows.add(ExtendedJson.readMap(lines.get(i)));
                } catch (IllegalArgumentException e) {
                    if (i < lines.size() - 1) {
                        throw new IOException(metrics + " line " + (i + 1) + ": " + e.getMessage(), e);
                    }
                }
            }
        }
        Map<String, Object> sum = new LinkedHashMap<>();
        if (Files.exists(summary)) {
            try {
                sum.putAll(ExtendedJson.readMap(Files.readString(summary)));
            } catch (IllegalArgumentException e) {
                throw new IOException(summary + ": " + e.getMessage(), e);
            }
        }
        Path name = dir.toAbsolutePath().normalize().getFileName();
        return new RunMetrics(name == null ? dir.toString() : name.toString(), dir, rows, sum);
    }

    /** Numeric metric names in order of first appearance. */
    public List<String> metricKeys() {
        Set<String> keys = new LinkedHashSet<>();
        for (Map<String, Object> row : rows) {
            row.forEach((k, v) -> {
                if (!k.equals("step") && v instanceof Number) {
                    keys.add(k);
                }
            });
        }
        return new ArrayList<>(keys);
    }

    public Series series(String key) {
        List<double[]> points = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            if (row.get(key) instanceof Number v && row.get("step") instanceof Number s
                    && Double.isFinite(v.doubleValue())) {
                points.add(new double[] {s.doubleValue(), v.doubleValue()});
            }
        }
        double[] x = new double[points.size()];
        double[] y = new double[points.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = points.get(i)[0];
            y[i] = points.get(i)[1];
        }
        return new Series(x, y);
    }

    /** The last finite value of a metric in the rows. */
    public Optional<Double> last(String key) {
        Series s = series(key);
        return s.isEmpty() ? Optional.empty() : Optional.of(s.values()[s.values().length - 1]);
    }

    /** A summary value as a number, if it is one. */
    public Optional<Double> summaryNumber(String key) {
        return summary.get(key) instanceof Number n ? Optional.of(n.doubleValue()) : Optional.empty();
    }

    /** The highest logged step + 1 (0 without rows). */
    public long steps() {
        long max = -1;
        for (Map<String, Object> row : rows) {
            if (row.get("step") instanceof Number s) {
                max = Math.max(max, s.longValue());
            }
        }
        return max + 1;
    }
}
