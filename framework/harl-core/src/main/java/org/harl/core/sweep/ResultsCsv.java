package org.harl.core.sweep;

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
 * The schema of a sweep's {@code results.csv}, for its writer (the sweep runner) and its readers
 * ({@code harl report ablation}): one row per run, accuracies as fractions, an empty cell meaning "not measured".
 */
public final class ResultsCsv {

    public static final String FILE_NAME = "results.csv";

    /** The summary keys of a run that become value columns, in column order. */
    public static final List<String> VALUES = List.of("epochs", "wall_s", "knn_top1", "knn_top5", "linear_top1",
            "linear_top5", "random_init_knn_top1", "random_init_linear_top1", "semi_1pct_top1", "semi_10pct_top1",
            "seg_miou", "det_ap50", "random_init_semi_1pct_top1", "random_init_semi_10pct_top1",
            "random_init_seg_miou", "random_init_det_ap50");

    /** Every column, in order. */
    public static final List<String> COLUMNS = columns();

    /** The value columns a report aggregates over seeds. */
    public static final List<String> MEASURES = List.of("knn_top1", "knn_top5", "linear_top1", "linear_top5",
            "epochs", "wall_s", "random_init_knn_top1", "random_init_linear_top1", "semi_1pct_top1",
            "semi_10pct_top1", "seg_miou", "det_ap50", "random_init_semi_1pct_top1", "random_init_semi_10pct_top1",
            "random_init_seg_miou", "random_init_det_ap50");

    private ResultsCsv() {
    }

    private static List<String> columns() {
        List<String> c = new ArrayList<>(List.of("setting", "seed", "run_dir", "status"));
        c.addAll(VALUES);
        return List.copyOf(c);
    }

    /** The header line. */
    public static String header() {
        return String.join(",", COLUMNS);
    }

    /** The file's text for a sweep's outcomes, in the given order. */
    public static String text(List<RunOutcome> outcomes) {
        StringBuilder sb = new StringBuilder(header()).append('\n');
        for (RunOutcome o : outcomes) {
            List<String> cells = new ArrayList<>(List.of(o.run().setting(), Long.toString(o.run().seed()),
                    o.dir().toString(), o.status()));
            for (String key : VALUES) {
                Object v = o.summary().get(key);
                cells.add(v instanceof Number ? v.toString() : "");
            }
            sb.append(String.join(",", cells.stream().map(ResultsCsv::cell).toList())).append('\n');
        }
        return sb.toString();
    }

    /** RFC 4180: quote cells containing a comma, quote or newline (setting names contain commas). */
    static String cell(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

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

    /** A read {@code results.csv}. Files written before a column was added simply lack it. */
    public record Table(Path file, List<Row> rows) {

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

    /** Reads {@code sweepDir/results.csv}; errors name the file and line. */
    public static Table load(Path sweepDir) throws IOException {
        Path file = sweepDir.resolve(FILE_NAME);
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
                        + header() + ")");
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
        return new Table(file, rows);
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
}
