package org.harl.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A sweep's results.csv as rows of column -> cell, without the columns that differ between equal runs. */
final class SweepTables {

    private SweepTables() {
    }

    /** Rows of {@code csv} without {@code run_dir} (where it ran) and {@code wall_s} (how long it took). */
    static List<Map<String, String>> metrics(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        String[] header = lines.get(0).split(",", -1);
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.length; i++) {
                if (!header[i].equals("run_dir") && !header[i].equals("wall_s")) {
                    row.put(header[i], cells[i]);
                }
            }
            rows.add(row);
        }
        return rows;
    }
}
