package org.harl.plugins.trackers;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.harl.spi.track.RunInfo;
import org.harl.spi.track.Tracker;

/** Drives trackers the way the trainer does: start, a metric row per step, an image, a summary, finish. */
public final class SimulatedRun {
    private SimulatedRun() {
    }

    public static RunInfo info(Path dir, boolean resumed, long startStep, long totalSteps) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("name", "sim");
        config.put("seed", 7);
        config.put("optimizer", Map.of("lr", 0.05, "type", "sgd"));
        config.put("training", Map.of("batch_size", 32, "epochs", 2));
        return new RunInfo("sim", dir, "sweep-a", config, resumed, startStep, totalSteps);
    }

    /** The metrics logged at {@code step}; step 3 has a NaN and an infinity. */
    public static Map<String, Object> metrics(long step) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("loss", step == 3 ? Double.NaN : 1.0 / (step + 1));
        m.put("lr", 0.05 * (1 - step / 100.0));
        m.put("tau", step == 3 ? Double.POSITIVE_INFINITY : 0.99);
        return m;
    }

    /** Logs steps {@code [from, to)} to all trackers, an image at {@code imageStep} (or none if negative). */
    public static void steps(List<Tracker> trackers, long from, long to, long imageStep, Path png) {
        for (long s = from; s < to; s++) {
            for (Tracker t : trackers) {
                t.log(s, metrics(s));
                if (s == imageStep) {
                    t.logImage(s, "masks/overlay", png, "step " + s);
                }
            }
        }
    }

    /** A small PNG to log. */
    public static Path png(Path dir) throws IOException {
        BufferedImage img = new BufferedImage(12, 8, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 12; x++) {
            img.setRGB(x, x % 8, 0xff0000);
        }
        Path p = dir.resolve("overlay.png");
        ImageIO.write(img, "png", p.toFile());
        return p;
    }
}
