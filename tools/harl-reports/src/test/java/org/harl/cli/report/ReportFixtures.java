package org.harl.cli.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.harl.core.run.RunDirectory;
import org.harl.plugins.trackers.jsonl.JsonlConfig;
import org.harl.plugins.trackers.jsonl.JsonlTracker;
import org.harl.spi.track.RunInfo;

/** Run directories as a run with the jsonl tracker leaves them, with HARL-like metrics. */
final class ReportFixtures {
    private ReportFixtures() {
    }

    /** A run of {@code steps} steps whose loss decays at {@code rate}; kNN every 50 steps; final accuracies. */
    static Path run(Path root, String name, int steps, double rate, double knn) throws IOException {
        Path dir = root.resolve(name);
        JsonlTracker t = new JsonlTracker(JsonlConfig.defaults(), System.err);
        t.start(new RunInfo(name, dir, null, Map.of("training", Map.of("batch_size", 64)), false, 0, steps));
        for (int s = 0; s < steps; s++) {
            double progress = s / (double) steps;
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("loss", 4 * Math.exp(-rate * s) + 0.3 + 0.05 * Math.sin(s));
            m.put("loss_byol", 3 * Math.exp(-rate * s) + 0.2);
            m.put("loss_saliency", Math.exp(-rate * s) + 0.1);
            m.put("lr", 0.05 * 0.5 * (1 + Math.cos(Math.PI * progress)));
            m.put("tau", 1 - 0.01 * 0.5 * (1 + Math.cos(Math.PI * progress)));
            m.put("alpha", 0.5);
            m.put("beta", Math.min(1, 2 * progress));
            m.put("images_per_s", 120.0 + (s % 7));
            if (s == 3) {
                m.put("loss", Double.NaN);
            }
            if (s % 50 == 49) {
                m.put("knn_top1", knn * (0.5 + 0.5 * progress));
            }
            t.log(s, m);
        }
        t.finish(0);
        new RunDirectory(dir).mergeSummary(Map.of("knn_top1", knn, "knn_top5", Math.min(1, knn + 0.3),
                "wall_s", 10.0 * steps));
        return dir;
    }

    static void results(Path sweep, String csv) throws IOException {
        Files.createDirectories(sweep);
        Files.writeString(sweep.resolve("results.csv"), csv);
    }
}
