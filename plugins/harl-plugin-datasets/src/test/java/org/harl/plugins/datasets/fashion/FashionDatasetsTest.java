package org.harl.plugins.datasets.fashion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.harl.spi.data.DatasetSource;
import org.harl.spi.data.Mask;
import org.harl.spi.data.Sample;
import org.harl.spi.data.Split;
import org.harl.testing.TestPluginContext;
import org.harl.testing.TestResources;
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

    /** The committed subset of the real dataset, reached through data_dir as an experiment would. */
    @Test
    void theFixtureOfRealItemsLoadsThroughDataDir() {
        Path fixture = TestResources.path(FashionDatasetsTest.class, "fashion-mnist");
        TestPluginContext ctx = new TestPluginContext(1, fixture.getParent(), null, null);
        var f = FashionMnist.FACTORY;
        try (DatasetSource ds = f.create(new FashionMnistConfig("fashion-mnist", 28, 0, 0), ctx)) {
            assertEquals(300, ds.size(Split.TRAIN));
            assertEquals(100, ds.size(Split.TEST));
            Sample boot = ds.get(Split.TRAIN, 0); // the first training item is an ankle boot
            assertEquals(9, boot.label());
            assertEquals(433.0 / 784, boot.groundTruth().orElseThrow().foregroundFraction(), 1e-6);
            assertEquals(217 / 255f, boot.image().get(0, 14, 14), 1e-6);
            assertEquals(9, ds.get(Split.TEST, 0).label());
            int[] perClass = new int[10];
            for (int i = 0; i < ds.size(Split.TRAIN); i++) {
                perClass[ds.get(Split.TRAIN, i).label()]++;
            }
            assertArrayEquals(new int[] {32, 33, 31, 29, 29, 31, 33, 30, 27, 25}, perClass);
        }
        try (DatasetSource limited = f.create(new FashionMnistConfig("fashion-mnist", 32, 50, 7), ctx)) {
            assertEquals(50, limited.size(Split.TRAIN));
            assertEquals(7, limited.size(Split.TEST));
            assertEquals(32, limited.get(Split.TEST, 6).image().width());
        }
    }

    @Test
    void compositesOfTheFixtureHoldOneRealItemEach() {
        Path fixture = TestResources.path(FashionDatasetsTest.class, "fashion-mnist");
        FashionComposites ds = new FashionComposites(fixture, composites(fixture.toString(), 32, 0));
        assertEquals(300, ds.size(Split.TRAIN));
        assertEquals(100, ds.size(Split.TEST));
        for (int i = 0; i < 20; i++) {
            Sample s = ds.get(Split.TRAIN, i);
            double fg = s.groundTruth().orElseThrow().foregroundFraction();
            // an item covers about half of its box, the box 15-60 % of the image side, possibly cut by the border
            assertTrue(fg > 0.005 && fg < 0.4, "item " + i + ": foreground " + fg);
        }
        assertEquals(9, ds.get(Split.TRAIN, 0).label());
        assertArrayEquals(ds.get(Split.TEST, 3).image().data(), ds.get(Split.TEST, 3).image().data());
    }
}
