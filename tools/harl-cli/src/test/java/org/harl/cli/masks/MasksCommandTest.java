package org.harl.cli.masks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.harl.core.masks.CachingMaskProposer;
import org.harl.spi.data.ImageFiles;
import org.harl.spi.data.Mask;
import org.harl.spi.data.RgbImage;
import org.harl.spi.data.Sample;
import org.harl.spi.mask.MaskProposer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.harl.cli.CliRunner;
import org.harl.plugins.masks.DrfiProposer;
import org.harl.plugins.masks.ModelProvenance;

class MasksCommandTest {

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "masks";
        System.arraycopy(args, 0, all, 1, args.length);
        CliRunner.Result r = CliRunner.run(all);
        return new Run(r.exitCode(), r.out(), r.err());
    }

    /** A w x h image with a bright square in the middle, and its exact mask. */
    static void scene(Path images, Path masks, String id, int w, int h) throws Exception {
        RgbImage img = RgbImage.blank(w, h);
        float[] m = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean in = x >= w / 4 && x < 3 * w / 4 && y >= h / 4 && y < 3 * h / 4;
                for (int c = 0; c < 3; c++) {
                    img.set(c, x, y, in ? 0.9f - 0.2f * c : 0.1f + 0.05f * c + 0.002f * x);
                }
                m[y * w + x] = in ? 1 : 0;
            }
        }
        ImageFiles.writeImage(img, images.resolve(id + ".png"));
        ImageFiles.writeMask(new Mask(w, h, m), masks.resolve(id + ".png"));
    }

    @Test
    void generateIsResumableAndSkipsUnreadableInputs(@TempDir Path dir) throws Exception {
        Path images = dir.resolve("images");
        Path gt = dir.resolve("gt");
        scene(images, gt, "a/one", 40, 30);
        scene(images, gt, "b/two", 32, 32);
        Files.writeString(images.resolve("a/broken.jpg"), "not a jpeg");
        Path out = dir.resolve("out");
        Run r = run("generate", "--proposer", "center_prior", "--set", "area_fraction=0.3", "--in", images.toString(),
                "--out", out.toString(), "--threads", "2");
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.exists(out.resolve("a/one.png")) && Files.exists(out.resolve("b/two.png")));
        assertTrue(r.out().contains("skipped 1") && r.out().contains("a/broken.jpg"), r.out());
        Mask m = ImageFiles.readMask(out.resolve("a/one.png"));
        assertEquals(40, m.width());
        assertEquals(1f, m.get(20, 15));

        Run again = run("generate", "--proposer", "center_prior", "--in", images.toString(), "--out", out.toString());
        assertTrue(again.out().contains("2 already done"), again.out());

        Run gtRun = run("generate", "--proposer", "ground_truth", "--in", images.toString(), "--gt", gt.toString(),
                "--out", dir.resolve("oracle").toString());
        assertEquals(0, gtRun.code());
        Run eval = run("eval", "--pred", dir.resolve("oracle").toString(), "--gt", gt.toString());
        assertEquals(0, eval.code(), eval.err());
        assertTrue(eval.out().contains("IoU         1.0000"), eval.out());
        assertTrue(eval.out().contains("MAE         0.0000"), eval.out());

        Run centre = run("eval", "--pred", out.toString(), "--gt", gt.toString());
        assertTrue(centre.out().contains("images      2"), centre.out());
        assertTrue(!centre.out().contains("IoU         1.0000"), centre.out());

        Path grid = dir.resolve("grid.png");
        Run show = run("show", "--images", images.toString(), "--masks", out.toString(), "--out", grid.toString(),
                "--cols", "2", "--cell", "50");
        assertEquals(0, show.code(), show.err());
        assertEquals(100, ImageIO.read(grid.toFile()).getWidth());
    }

    @Test
    void generatesFromARegisteredDataset(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("gt");
        Run r = run("generate", "--proposer", "ground_truth", "--dataset", "synthetic_objects", "--dataset-set",
                "image_size=32", "--split", "test", "--limit", "3", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        try (var files = Files.walk(out)) {
            assertEquals(3, files.filter(f -> f.toString().endsWith(".png")).count());
        }
        Run both = run("generate", "--proposer", "full_image", "--dataset", "synthetic_objects", "--in",
                dir.toString(), "--out", out.toString());
        assertEquals(1, both.code());
        assertTrue(both.err().contains("exactly one of --in DIR and --dataset NAME"), both.err());
    }

    @Test
    void proposersBindFromYamlShapedMaps() {
        var binder = org.harl.core.guice.Harl.injector().getInstance(org.harl.core.config.ComponentBinder.class);
        var spec = binder.bind(org.harl.spi.ComponentKind.MASK_PROPOSER, java.util.Map.of("type", "drfi",
                "levels", java.util.List.of(java.util.Map.of("sigma", 0.8, "scale", 100, "min_size", 150)),
                "threshold", 0.5), Path.of("exp.yaml"));
        var cfg = spec.config(org.harl.plugins.masks.DrfiConfig.class);
        assertEquals(1, cfg.levels().size());
        assertEquals(150, cfg.levels().get(0).minSize());
        assertEquals(0.5, cfg.threshold());
        assertEquals(0.9, cfg.maxThreshold(), "defaults fill the rest");
        for (String type : new String[] {"full_image", "center_prior", "ground_truth", "felzenszwalb"}) {
            assertEquals(type, binder.bind(org.harl.spi.ComponentKind.MASK_PROPOSER, java.util.Map.of("type", type),
                    Path.of("exp.yaml")).type());
        }
    }

    @Test
    void clearErrors(@TempDir Path dir) {
        Run unknown = run("generate", "--proposer", "nope", "--in", dir.toString(), "--out", dir.resolve("o").toString());
        assertEquals(1, unknown.code());
        assertTrue(unknown.err().contains("nope"), unknown.err());
        Run missing = run("eval", "--pred", dir.resolve("x").toString(), "--gt", dir.resolve("y").toString());
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("is not a folder"), missing.err());
        Run bad = run("generate", "--proposer", "drfi", "--set", "max_threshold=1.5", "--in", dir.toString(), "--out",
                dir.resolve("o").toString());
        assertEquals(1, bad.code());
        assertTrue(bad.err().contains("max_threshold"), bad.err());
    }

    @Test
    void trainDrfiWritesAForestThatDrfiCanUse(@TempDir Path dir) throws Exception {
        Path images = dir.resolve("images");
        Path gt = dir.resolve("gt");
        for (int i = 0; i < 4; i++) {
            scene(images, gt, "s" + i, 36 + 4 * i, 36);
        }
        Path forest = dir.resolve("forest.bin.gz");
        Run r = run("train-drfi", "--images", images.toString(), "--out", forest.toString(),
                "--trees", "3", "--depth", "4", "--threads", "1", "--self-train-rounds", "1");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(Files.size(forest) > 20);
        assertTrue(r.out().contains("3 trees") && r.out().contains("round 1"), r.out());
        ModelProvenance p = DrfiProposer.readForest(forest).provenance();
        assertEquals(ModelProvenance.Supervision.PSEUDO_LABELS, p.supervision(), p.describe());
        assertEquals(4, p.count());
        assertTrue(p.command().startsWith("harl masks train-drfi --images"), p.command());
        Run none = run("train-drfi", "--out", forest.toString());
        assertEquals(1, none.code());
    }

    @Test
    void cacheClearRemovesTheCachedMasksOfARunsDirAndNothingElse(@TempDir Path dir) throws Exception {
        Path runs = dir.resolve("runs");
        Path cache = runs.resolve(CachingMaskProposer.DIR_NAME);
        MaskProposer full = s -> Mask.filled(s.image().width(), s.image().height(), 1f);
        CachingMaskProposer cached = new CachingMaskProposer(full, "center_prior:x", cache, 0);
        cached.propose(new Sample("a.png", RgbImage.blank(4, 3), Optional.empty(), -1));
        cached.propose(new Sample("b.png", RgbImage.blank(4, 3), Optional.empty(), -1));
        Path notes = Files.writeString(cache.resolve("notes.txt"), "mine");

        Run r = run("cache", "clear", "--runs-dir", runs.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("removed 2 cached masks") && r.out().contains(cache.toString()), r.out());
        assertTrue(r.out().contains("left 1 files"), r.out());
        try (var files = Files.walk(cache)) {
            assertEquals(List.of(notes), files.filter(Files::isRegularFile).toList());
        }

        cached.propose(new Sample("c.png", RgbImage.blank(4, 3), Optional.empty(), -1));
        Files.delete(notes);
        Run byDir = run("cache", "clear", "--cache-dir", cache.toString());
        assertTrue(byDir.out().contains("removed 1 cached masks"), byDir.out());
        assertTrue(Files.notExists(cache), "an emptied cache folder is removed");

        Run none = run("cache", "clear", "--runs-dir", dir.resolve("no_runs").toString());
        assertEquals(0, none.code(), none.err());
        assertTrue(none.out().contains("removed 0 cached masks"), none.out());
        assertEquals(2, run("cache", "clear", "--runs-dir", runs.toString(), "--cache-dir", cache.toString()).code());
    }

    @Test
    void exactMaskTrainingNeedsTheFlagAndIsMarkedSupervised(@TempDir Path dir) throws Exception {
        Path images = dir.resolve("images");
        Path gt = dir.resolve("gt");
        for (int i = 0; i < 3; i++) {
            scene(images, gt, "s" + i, 36, 36);
        }
        Path forest = dir.resolve("forest.bin.gz");
        Run refused = run("train-drfi", "--images", images.toString(), "--gt", gt.toString(), "--out",
                forest.toString(), "--trees", "3", "--depth", "4", "--threads", "1");
        assertEquals(1, refused.code());
        assertTrue(refused.err().contains("--supervised-exact-masks"), refused.err());
        assertTrue(Files.notExists(forest));

        Run r = run("train-drfi", "--images", images.toString(), "--gt", gt.toString(), "--out", forest.toString(),
                "--trees", "3", "--depth", "4", "--threads", "1", "--supervised-exact-masks");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("supervision: exact_masks") && r.out().contains("WARNING"), r.out());
        ModelProvenance p = DrfiProposer.readForest(forest).provenance();
        assertEquals(ModelProvenance.Supervision.EXACT_MASKS, p.supervision());
        assertTrue(p.data().contains("3 of 3 images labelled from exact masks"), p.data());
    }

    @Test
    void evalPrintsTheDrfiModelsProvenance() {
        Run r = run("eval", "--dataset", "synthetic_objects", "--dataset-set", "image_size=32", "--dataset-set",
                "seed=12345", "--proposer", "drfi", "--count", "2", "--threads", "1");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("model supervision: pseudo_labels"), r.out());
        assertTrue(r.out().contains("model command: harl masks train-drfi"), r.out());
    }
}
