package org.harl.plugins.datasets.fashion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.harl.spi.data.Mask;
import org.harl.spi.data.Sample;
import org.harl.spi.data.Split;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FashionDatasetsTest {

    @TempDir
    Path dir;

    private static FashionCompositesConfig composites(String data, int size, int trainLimit) {
        FashionCompositesConfig d = FashionCompositesConfig.defaults();
        return new FashionCompositesConfig(data, size, trainLimit, 0, 0, d.minScale(), d.maxScale(), d.colourMode(),
                d.paletteJitter(), d.maxDistractors(), d.distractorSize(), d.clutter());
    }

    @Test
    void fashionMnistGivesGreyItemsTheirPixelMasksAndLabels() throws IOException {
        Path data = IdxFixtures.dataset(dir.resolve("f"), 12, 3, true);
        FashionMnist ds = new FashionMnist(data, new FashionMnistConfig(data.toString(), 28, 10, 0));
        assertEquals(10, ds.size(Split.TRAIN));
        assertEquals(3, ds.size(Split.TEST));
        Sample s = ds.get(Split.TRAIN, 4);
        assertEquals(4, s.label());
        assertEquals(100 / 255f, s.image().get(1, 10, 10), 1e-6);
        Mask m = s.groundTruth().orElseThrow();
        assertEquals(1f, m.get(10, 10));
        assertEquals(0f, m.get(2, 2));
        assertEquals(20.0 * 12 / 784, m.foregroundFraction(), 1e-6);
        assertEquals("dress", ds.classNames().get(3));
    }

    @Test
    void compositesPasteTheItemOnlyWhereTheMaskIs() throws IOException {
        Path data = IdxFixtures.dataset(dir.resolve("f"), 12, 3, false);
        FashionComposites ds = new FashionComposites(data, composites(data.toString(), 48, 0));
        Sample a = ds.get(Split.TRAIN, 7);
        Sample b = ds.get(Split.TRAIN, 7);
        assertArrayEquals(a.image().data(), b.image().data());
        assertEquals(7, a.label());
        double fg = a.groundTruth().orElseThrow().foregroundFraction();
        // the item rectangle covers 240/784 of its box, the box 15-60 % of the image, partly cut by the border
        assertTrue(fg > 0.01 && fg < 0.2, "foreground " + fg);
        assertEquals(48, a.image().width());
        assertEquals(3, ds.size(Split.TEST));
    }

    @Test
    void missingDataNamesThePackageAndTheConfigKey() {
        Path missing = dir.resolve("nothing-here");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new FashionMnist(missing, FashionMnistConfig.defaults()));
        assertTrue(e.getMessage().contains("apt-get install dataset-fashion-mnist")
                && e.getMessage().contains("data_dir") && e.getMessage().contains(missing.toString()), e.getMessage());
    }

    @Test
    void aMissingFileOrMismatchedLabelsAreNamed() throws IOException {
        Path data = IdxFixtures.dataset(dir.resolve("f"), 4, 2, false);
        Files.delete(data.resolve("t10k-labels-idx1-ubyte"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new FashionComposites(data, composites(data.toString(), 32, 0)));
        assertTrue(e.getMessage().contains("t10k-labels-idx1-ubyte[.gz] not found"), e.getMessage());
        IdxFixtures.write(data.resolve("t10k-labels-idx1-ubyte"), IdxFixtures.idx(new int[] {5}, new byte[5]), false);
        UncheckedIOException u = assertThrows(UncheckedIOException.class,
                () -> new FashionMnist(data, FashionMnistConfig.defaults()));
        assertTrue(u.getMessage().contains("5 labels for 2 images"), u.getMessage());
    }

    @Test
    void theInstalledPackageLoadsWhenPresent() {
        Path installed = Path.of(FashionMnistConfig.DEFAULT_DIR);
        Assumptions.assumeTrue(Files.isDirectory(installed), "dataset-fashion-mnist not installed");
        FashionComposites ds = new FashionComposites(installed, composites(installed.toString(), 32, 0));
        assertEquals(60000, ds.size(Split.TRAIN));
        assertEquals(10000, ds.size(Split.TEST));
        assertEquals(9, ds.get(Split.TRAIN, 0).label()); // the first training item is an ankle boot
    }
}
