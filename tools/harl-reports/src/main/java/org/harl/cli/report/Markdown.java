package org.harl.cli.report;

import java.util.List;
import java.util.Locale;

/** Small Markdown helpers for reports. */
final class Markdown {
    private Markdown() {
    }

    /** A pipe table; cells are escaped. */
    static String table(List<String> header, List<List<String>> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append("| ").append(String.join(" | ", header.stream().map(Markdown::cell).toList())).append(" |\n");
        sb.append("|").append("---|".repeat(header.size())).append('\n');
        for (List<String> row : rows) {
            sb.append("| ").append(String.join(" | ", row.stream().map(Markdown::cell).toList())).append(" |\n");
        }
        return sb.toString();
    }

    private static String cell(String s) {
        return s == null ? "" : s.replace("|", "\\|").replace("\n", " ");
    }

    /** A number for a table: 4 decimals below 10, 2 above, "–" when missing. */
    static String number(Double v) {
        if (v == null || v.isNaN()) {
            return "–";
        }
        return String.format(Locale.ROOT, pattern(v), v);
    }

    private static String pattern(double v) {
        return Math.abs(v) < 10 ? "%.4f" : "%.2f";
    }

    /** {@code mean ± std} (std omitted for one value). */
    static String meanStd(Stats s) {
        if (s.n() == 0) {
            return "–";
        }
        return s.n() == 1 ? number(s.mean())
                : String.format(Locale.ROOT, pattern(s.mean()) + " ± " + pattern(s.mean()), s.mean(), s.std());
    }
}
