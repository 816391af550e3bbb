package org.harl.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.harl.spi.data.ImageFiles;
import org.harl.spi.data.RgbImage;

/** Small inputs: a folder of textured scenes with one unreadable file, and a 2-run sweep of tiny real trainings. */
final class Fixtures {

    /** Two seeds of a tiny HARL run on synthetic objects (seconds each), evaluated with the linear probe and kNN. */
    static final String SWEEP = """
            name: ignored
            dataset: {type: synthetic_objects, image_size: 32, train_size: 48, test_size: 24, classes: 3}
            backbone: {type: tiny_resnet, stem: small, widths: [4, 8], blocks_per_stage: 1}
            augmentation: {type: byol, size: 16}
            mask_proposer: ground_truth
            loss: {type: harl, alpha: 0.7, beta: {type: cosine, from: 0.6, to: 0.0}}
            training: {epochs: 2, batch_size: 8, steps_per_epoch: 2, workers: 1, prefetch: 1, threads: 1}
            heads: {projector_hidden: 16, projection_size: 8, predictor_hidden: 16}
            optimizer: {type: lars, base_lr: 0.5, warmup_epochs: 0.5}
            monitor: {knn_every: 1, k: 5, bank_size: 24, test_size: 24}
            logging: [jsonl]
            sweep:
              seeds: [0, 1]
            """;

    private Fixtures() {
    }

    /** {@code n} scenes of a few coloured blobs on a gradient (sizes vary), in two subfolders, and a broken JPEG. */
    static Path images(Path dir, int n, int size) throws IOException {
        for (int i = 0; i < n; i++) {
            int w = size + 8 * (i % 3);
            int h = size + 4 * (i % 2);
            RgbImage img = RgbImage.blank(w, h);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int cx = w / 3 + (i * 7) % (w / 3);
                    int cy = h / 2;
                    boolean blob = (x - cx) * (x - cx) + (y - cy) * (y - cy) < (w / 5) * (w / 5);
                    for (int c = 0; c < 3; c++) {
                        float bg = 0.1f + 0.6f * x / w * (c == i % 3 ? 1 : 0.3f) + 0.002f * ((x * 31 + y * 17) % 50);
                        img.set(c, x, y, blob ? 0.95f - 0.3f * c : bg);
                    }
                }
            }
            ImageFiles.writeImage(img, dir.resolve((i % 2 == 0 ? "a/" : "b/") + "img" + i + ".png"));
        }
        Files.writeString(dir.resolve("a/broken.jpg"), "not a jpeg");
        return dir;
    }

    /** Every file under {@code dir} by relative path, with its bytes. */
    static Map<String, byte[]> files(Path dir) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                out.put(dir.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return out;
    }

    /** A copy of a run without its evaluation folder (cached features), to evaluate it again. */
    static Path copyWithoutEval(Path run, Path to) throws java.io.IOException {
        try (Stream<Path> walk = Files.walk(run)) {
            for (Path p : walk.toList()) {
                Path rel = run.relativize(p);
                if (!rel.startsWith("eval")) {
                    Path target = to.resolve(rel.toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(p, target);
                    }
                }
            }
        }
        return to;
    }
}
