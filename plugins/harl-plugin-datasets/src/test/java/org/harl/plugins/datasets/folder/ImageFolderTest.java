package org.harl.plugins.datasets.folder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.harl.spi.data.ImageFiles;
import org.harl.spi.data.Mask;
import org.harl.spi.data.RgbImage;
import org.harl.spi.data.Sample;
import org.harl.spi.data.Split;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderTest {

    @TempDir
    Path tmp;
    Path train;
    Path masks;
    Path cache;

    private static RgbImage solid(int w, int h, float r) {
        RgbImage img = RgbImage.blank(w, h);
        java.util.Arrays.fill(img.data(), 0, w * h, r);
        return img;
    }

    /** train/{cat,dog}; "train" also appears in file and folder names to catch substring pairing. */
    @BeforeEach
    void layout() throws IOException {
        train = tmp.resolve("train_set").resolve("train");
        masks = tmp.resolve("train_masks");
        cache = tmp.resolve("cache");
        ImageFiles.writeImage(solid(8, 6, 0.2f), train.resolve("cat/train_a.png"));
        ImageFiles.writeImage(solid(8, 6, 0.4f), train.resolve("cat/b.jpg"));
        ImageFiles.writeImage(solid(10, 10, 0.8f), train.resolve("dog/c.JPEG"));
        ImageFiles.writeMask(Mask.filled(8, 6, 1f), masks.resolve("cat/train_a.png"));
        ImageFiles.writeMask(Mask.filled(8, 6, 0f), masks.resolve("cat/b.png"));
        ImageFiles.writeMask(Mask.filled(5, 5, 1f), masks.resolve("dog/c.png")); // another size
        Files.writeString(train.resolve("dog/notes.txt"), "not an image");
    }

    /** Ids are the image root's fingerprint plus the relative path. */
    private static void assertId(Sample s, String relative) {
        assertTrue(s.id().startsWith("image_folder:") && s.id().endsWith("/" + relative), s.id());
    }

    private ImageFolder open(String mask, MissingMaskPolicy missing, UnreadablePolicy unreadable, double fraction) {
        ImageFolderConfig c = new ImageFolderConfig(train.toString(), "", fraction, 3, mask, "", missing, unreadable,
                cache.toString());
        return new ImageFolder(c, Path::of, cache);
    }

    @Test
    void pairsImagesAndMasksByRelativePath() {
        ImageFolder ds = open(masks.toString(), MissingMaskPolicy.ERROR, UnreadablePolicy.ERROR, 0);
        assertEquals(List.of("cat", "dog"), ds.classNames());
        assertEquals(3, ds.size(Split.TRAIN));
        assertEquals(0, ds.size(Split.TEST));
        Sample a = ds.get(Split.TRAIN, 1);
        assertId(a, "cat/train_a.png");
        assertEquals(0, a.label());
        assertEquals(1.0, a.groundTruth().orElseThrow().foregroundFraction(), 1e-6);
        assertEquals(0.0, ds.get(Split.TRAIN, 0).groundTruth().orElseThrow().foregroundFraction(), 1e-6);
        Sample c = ds.get(Split.TRAIN, 2);
        assertEquals(1, c.label());
        assertEquals(10, c.groundTruth().orElseThrow().width()); // resized from 5x5
        assertEquals(1.0, c.groundTruth().orElseThrow().foregroundFraction(), 1e-6);
        assertEquals(1L, ds.counters().get("resized_masks"));
        assertTrue(ds.providesMasks());
    }

    @Test
    void withoutMaskRootSamplesHaveNoMask() {
        ImageFolder ds = open("", MissingMaskPolicy.ERROR, UnreadablePolicy.ERROR, 0);
        assertTrue(ds.get(Split.TRAIN, 0).groundTruth().isEmpty());
        assertTrue(!ds.providesMasks());
    }

    @Test
    void missingMaskPolicies() throws IOException {
        Files.delete(masks.resolve("cat/b.png"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> open(masks.toString(), MissingMaskPolicy.ERROR, UnreadablePolicy.ERROR, 0));
        assertTrue(e.getMessage().contains("1 of 3 images") && e.getMessage().contains(masks.resolve("cat/b.png")
                .toString()), e.getMessage());

        ImageFolder full = open(masks.toString(), MissingMaskPolicy.FULL_IMAGE, UnreadablePolicy.ERROR, 0);
        assertEquals(3, full.size(Split.TRAIN));
        assertEquals(1.0, full.get(Split.TRAIN, 0).groundTruth().orElseThrow().foregroundFraction(), 1e-6);
        full.get(Split.TRAIN, 0);
        assertEquals(1L, full.counters().get("full_image_masks"));

        ImageFolder skip = open(masks.toString(), MissingMaskPolicy.SKIP, UnreadablePolicy.ERROR, 0);
        assertEquals(2, skip.size(Split.TRAIN));
        assertId(skip.get(Split.TRAIN, 0), "cat/train_a.png");
        assertEquals(1L, skip.counters().get("skipped_missing_mask"));
    }

    @Test
    void unreadableImagePolicies() throws IOException {
        Files.write(train.resolve("cat/b.jpg"), new byte[] {1, 2, 3, 4, 5});
        ImageFolder skip = open(masks.toString(), MissingMaskPolicy.ERROR, UnreadablePolicy.SKIP, 0);
        assertId(skip.get(Split.TRAIN, 0), "cat/train_a.png"); // the next readable sample
        skip.get(Split.TRAIN, 0);
        assertEquals(1L, skip.counters().get("skipped_unreadable")); // counted once per file

        ImageFolder strict = open(masks.toString(), MissingMaskPolicy.ERROR, UnreadablePolicy.ERROR, 0);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> strict.get(Split.TRAIN, 0));
        assertTrue(e.getMessage().contains(train.resolve("cat/b.jpg").toString()), e.getMessage());
        assertId(strict.get(Split.TRAIN, 1), "cat/train_a.png");
    }

    @Test
    void corruptMaskFollowsTheUnreadablePolicy() throws IOException {
        Files.write(masks.resolve("dog/c.png"), new byte[] {9, 9, 9});
        ImageFolder skip = open(masks.toString(), MissingMaskPolicy.ERROR, UnreadablePolicy.SKIP, 0);
        assertId(skip.get(Split.TRAIN, 2), "cat/b.jpg"); // wraps around to index 0
        assertEquals(1L, skip.counters().get("skipped_unreadable"));
        ImageFolder strict = open(masks.toString(), MissingMaskPolicy.ERROR, UnreadablePolicy.ERROR, 0);
        assertTrue(assertThrows(IllegalStateException.class, () -> strict.get(Split.TRAIN, 2)).getMessage()
                .contains(masks.resolve("dog/c.png").toString()));
    }

    @Test
    void theIndexIsCachedAndInvalidatedWhenTheTreeChanges() throws IOException {
        open("", MissingMaskPolicy.ERROR, UnreadablePolicy.ERROR, 0);
        List<Path> files;
        try (var s = Files.list(cache)) {
            files = s.toList();
        }
        assertEquals(1, files.size());
        // a forged cache entry with the right signature is believed: proof that the cache is read
        Path idx = files.get(0);
        List<String> lines = Files.readAllLines(idx);
        Files.write(idx, List.of(lines.get(0), "0\tcat\tcat/ghost.png", "0\tdog\tdog/c.JPEG"));
        ImageFolder forged = open("", MissingMaskPolicy.ERROR, UnreadablePolicy.ERROR, 0);
        assertEquals(2, forged.size(Split.TRAIN));
        assertId(forged.get(Split.TRAIN, 1), "dog/c.JPEG");
        // adding a file changes its folder's modification time: the cache is rebuilt
        ImageFiles.writeImage(solid(4, 4, 0.1f), train.resolve("dog/d.png"));
        Files.setLastModifiedTime(train.resolve("dog"), java.nio.file.attribute.FileTime.fromMillis(
                System.currentTimeMillis() + 5000));
        ImageFolder fresh = open("", MissingMaskPolicy.ERROR, UnreadablePolicy.ERROR, 0);
        assertEquals(4, fresh.size(Split.TRAIN));
        assertId(fresh.get(Split.TRAIN, 0), "cat/b.jpg");
    }

    @Test
    void heldOutFractionIsDeterministicAndDisjoint() throws IOException {
        for (int i = 0; i < 40; i++) {
            ImageFiles.writeImage(solid(4, 4, i / 40f), train.resolve((i % 2 == 0 ? "cat" : "dog") + "/x" + i + ".png"));
        }
        ImageFolder a = open("", MissingMaskPolicy.ERROR, UnreadablePolicy.ERROR, 0.25);
        ImageFolder b = open("", MissingMaskPolicy.ERROR, UnreadablePolicy.ERROR, 0.25);
        assertEquals(43, a.size(Split.TRAIN) + a.size(Split.TEST));
        assertTrue(a.size(Split.TEST) >= 4 && a.size(Split.TEST) <= 20, "held out " + a.size(Split.TEST));
        Set<String> trainIds = new HashSet<>();
        for (int i = 0; i < a.size(Split.TRAIN); i++) {
            trainIds.add(a.get(Split.TRAIN, i).id());
        }
        for (int i = 0; i < a.size(Split.TEST); i++) {
            String id = a.get(Split.TEST, i).id();
            assertTrue(!trainIds.contains(id));
            assertEquals(id, b.get(Split.TEST, i).id());
        }
    }

    @Test
    void testRootMustUseKnownClassesAndEmptyRootsAreRejected() throws IOException {
        Path test = tmp.resolve("test");
        ImageFiles.writeImage(solid(4, 4, 0.5f), test.resolve("bird/e.png"));
        ImageFolderConfig c = new ImageFolderConfig(train.toString(), test.toString(), 0, 0, "", "",
                MissingMaskPolicy.ERROR, UnreadablePolicy.ERROR, "");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ImageFolder(c, Path::of, cache));
        assertTrue(e.getMessage().contains("'bird'"), e.getMessage());
        Files.createDirectories(tmp.resolve("empty/cat"));
        ImageFolderConfig empty = new ImageFolderConfig(tmp.resolve("empty").toString(), "", 0, 0, "", "",
                MissingMaskPolicy.ERROR, UnreadablePolicy.ERROR, "");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new ImageFolder(empty, Path::of, cache))
                .getMessage().contains("train_root"));
    }
}
