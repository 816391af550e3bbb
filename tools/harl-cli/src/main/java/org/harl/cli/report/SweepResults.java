package org.harl.cli.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code SWEEP_DIR/results.csv} as the sweep runner writes it: one row per run with header
 * {@code setting,seed,run_dir,status,epochs,wall_s,knn_top1,knn_top5,linear_top1,linear_top5}; an empty cell means
 * "not measured".
 */
public record SweepResults(Path file, List<Row> rows) {
    public static final List<String> HEADER = List.of("setting", "seed", "run_dir", "status", "epochs", "wall_s",
            "knn_top1", "knn_top5", "linear_top1", "linear_top5");
    public static final List<String> MEASURES = List.of("knn_top1", "knn_top5", "linear_top1", "linear_top5",
            "epochs", "wall_s");

    /** One run: its cells by column name. */
    public record Row(int line, Map<String, String> cells) {
        public String get(String column) {
            return cells.getOrDefault(column, "");
        }

        public Optional<Double> number(String column) {
            String v = get(column).trim();
            if (v.isEmpty()) {
                return Optional.empty();
            }
            try {
                double d = Double.parseDouble(v);
                return Double.isFinite(d) ? Optional.of(d) : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
    }

    public static SweepResults load(Path sweepDir) throws IOException {
        Path file = sweepDir.resolve("results.csv");
        if (!Files.exists(file)) {
            throw new IOException(file + " not found (the sweep runner writes it when the sweep runs)");
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            throw new IOException(file + " is empty");
        }
        List<String> header = parseLine(lines.get(0)).stream().map(String::trim).toList();
        for (String required : List.of("setting", "seed", "run_dir")) {
            if (!header.contains(required)) {
                throw new IOException(file + " line 1: missing column '" + required + "' (expected header "
                        + String.join(",", HEADER) + ")");
            }
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            List<String> cells = parseLine(lines.get(i));
            if (cells.size() != header.size()) {
                throw new IOException(file + " line " + (i + 1) + ": " + cells.size() + " cells, the header has "
                        + header.size());
            }
            Map<String, String> m = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                m.put(header.get(c), cells.get(c));
            }
            rows.add(new Row(i + 1, m));
        }
        return new SweepResults(file, rows);
    }

    /** Splits one CSV line (RFC 4180 quotes). */
    static List<String> parseLine(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                out.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        out.add(cell.toString());
        return out;
    }

    /** Settings in order of first appearance. */
    public List<String> settings() {
        return rows.stream().map(r -> r.get("setting")).distinct().toList();
    }

    /** The run directory of a row; a relative path is tried against the sweep directory, then the working one. */
    public Path runDir(Row row) {
        Path p = Path.of(row.get("run_dir"));
        if (p.isAbsolute()) {
            return p;
        }
        // run_dir is relative to wherever `harl sweep` ran; the sweep itself always writes <setting>/seed<n>
        Path sweepDir = file.toAbsolutePath().getParent();
        for (Path candidate : List.of(sweepDir.resolve(p),
                sweepDir.resolve(row.get("setting")).resolve("seed" + row.get("seed")))) {
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return p;
    }
}
