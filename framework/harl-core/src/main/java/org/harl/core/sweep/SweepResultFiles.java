package org.harl.core.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a sweep's {@link ResultsCsv results.csv} (one row per run; read by {@code harl report ablation}) and
 * {@code results.md} (mean ± sample standard deviation over seeds per setting). Accuracies are stored as
 * fractions in the CSV and shown as percentages in the Markdown table.
 */
public final class SweepResultFiles {

    /** Downstream evaluation keys and their column titles. */
    private static final Map<String, String> DOWNSTREAM = new LinkedHashMap<>();

    static {
        DOWNSTREAM.put("semi_1pct_top1", "semi 1 % top-1");
        DOWNSTREAM.put("semi_10pct_top1", "semi 10 % top-1");
        DOWNSTREAM.put("seg_miou", "seg mIoU");
        DOWNSTREAM.put("det_ap50", "det AP50");
    }

    private final Path dir;

    public SweepResultFiles(Path sweepDir) {
        this.dir = sweepDir;
    }

    public Path csv() {
        return dir.resolve(ResultsCsv.FILE_NAME);
    }

    public Path markdown() {
        return dir.resolve("results.md");
    }

    public void write(List<RunOutcome> outcomes) {
        write(outcomes, null);
    }

    /** Writes both tables; with a {@code baseline} setting, results.md adds the paired differences to it. */
    public void write(List<RunOutcome> outcomes, String baseline) {
        try {
            Files.createDirectories(dir);
            Files.writeString(csv(), ResultsCsv.text(outcomes));
            Files.writeString(markdown(), markdownText(outcomes)
                    + (baseline == null ? "" : PairedTable.markdown(outcomes, baseline)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write sweep results to " + dir + ": " + e.getMessage(), e);
        }
    }

    static String markdownText(List<RunOutcome> outcomes) {
        Map<String, List<RunOutcome>> bySetting = new LinkedHashMap<>();
        outcomes.forEach(o -> bySetting.computeIfAbsent(o.run().setting(), k -> new ArrayList<>()).add(o));
        String sweep = outcomes.isEmpty() ? "" : outcomes.get(0).run().sweep();
        StringBuilder sb = new StringBuilder("# Sweep `" + sweep + "`\n\n");
        sb.append("Mean ± sample standard deviation over the completed seeds; accuracies in %.\n\n");
        sb.append("Untrained columns: the same architecture and seeds with random weights, same protocol.\n\n");
        // downstream columns only where some run has them, so that probe-only sweeps keep a compact table
        List<String> downstream = DOWNSTREAM.keySet().stream().filter(k -> outcomes.stream()
                .anyMatch(o -> o.summary().get(k) instanceof Number)).toList();
        sb.append("| setting | seeds (completed/total) | linear top-1 | linear top-5 | kNN top-1 | kNN top-5 ");
        downstream.forEach(k -> sb.append("| ").append(DOWNSTREAM.get(k)).append(' '));
        sb.append("| wall s | untrained linear top-1 | untrained kNN top-1 |\n|---|---|---|---|---|---|")
                .append("---|".repeat(downstream.size())).append("---|---|---|\n");
        bySetting.forEach((setting, runs) -> {
            List<Map<String, Object>> done = runs.stream().filter(o -> o.status().equals("completed"))
                    .map(RunOutcome::summary).toList();
            sb.append("| ").append(setting).append(" | ").append(done.size()).append('/').append(runs.size());
            List<String> keys = new ArrayList<>(List.of("linear_top1", "linear_top5", "knn_top1", "knn_top5"));
            keys.addAll(downstream);
            for (String key : keys) {
                sb.append(" | ").append(meanStd(done, key, 100, 1));
            }
            sb.append(" | ").append(meanStd(done, "wall_s", 1, 0));
            for (String key : List.of("random_init_linear_top1", "random_init_knn_top1")) {
                sb.append(" | ").append(meanStd(done, key, 100, 1));
            }
            sb.append(" |\n");
        });
        List<RunOutcome> problems = outcomes.stream().filter(o -> !o.status().equals("completed")).toList();
        if (!problems.isEmpty()) {
            sb.append("\nNot completed:\n\n");
            problems.forEach(o -> sb.append("- ").append(o.run().name()).append(": ").append(o.status())
                    .append(o.error() == null ? "" : " (" + o.error().lines().findFirst().orElse("") + ")")
                    .append('\n'));
        }
        return sb.toString();
    }

    /** "m ± s" of a summary key over runs (those lacking it are left out), scaled; "–" when no run has it. */
    static String meanStd(List<Map<String, Object>> runs, String key, double scale, int decimals) {
        double[] values = runs.stream().map(r -> r.get(key)).filter(v -> v instanceof Number)
                .mapToDouble(v -> ((Number) v).doubleValue() * scale).toArray();
        if (values.length == 0) {
            return "–";
        }
        double mean = java.util.Arrays.stream(values).average().orElseThrow();
        String format = "%." + decimals + "f";
        if (values.length == 1) {
            return String.format(Locale.ROOT, format, mean);
        }
        double ss = java.util.Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum();
        double std = Math.sqrt(ss / (values.length - 1));
        return String.format(Locale.ROOT, format + " ± " + format, mean, std);
    }
}
