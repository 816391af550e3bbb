package org.harl.plugins.datasets.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.harl.spi.config.InvalidConfigException;
import org.harl.spi.data.Mask;
import org.harl.spi.data.Sample;
import org.harl.spi.data.Split;
import org.junit.jupiter.api.Test;

class SyntheticObjectsTest {

    static SyntheticObjectsConfig config(int size, long seed, int distractors) {
        SyntheticObjectsConfig d = SyntheticObjectsConfig.defaults();
        return new SyntheticObjectsConfig(d.classes(), size, 100, 30, seed, d.minScale(), d.maxScale(),
                d.paletteJitter(), distractors, d.distractorSize(), d.clutter());
    }

    @Test
    void samplesAreDeterministicPerSplitAndIndex() {
        SyntheticObjects a = new SyntheticObjects(config(32, 0, 3));
        SyntheticObjects b = new SyntheticObjects(config(32, 0, 3));
        Sample x = a.get(Split.TRAIN, 17);
        Sample y = b.get(Split.TRAIN, 17);
        assertArrayEquals(x.image().data(), y.image().data());
        assertArrayEquals(x.groundTruth().orElseThrow().data(), y.groundTruth().orElseThrow().data());
        // ids name the content: same config, same id; another config (other pixels), another id
        assertTrue(x.id().startsWith("synthetic_objects:") && x.id().endsWith("/train/17"), x.id());
        assertEquals(x.id(), y.id());
        assertFalse(x.id().equals(new SyntheticObjects(config(32, 0, 2)).get(Split.TRAIN, 17).id()));
        assertFalse(Arrays.equals(x.image().data(), a.get(Split.TEST, 17).image().data()));
        assertFalse(Arrays.equals(x.image().data(), a.get(Split.TRAIN, 27).image().data()));
        assertFalse(Arrays.equals(x.image().data(), new SyntheticObjects(config(32, 1, 3)).get(Split.TRAIN, 17)
                .image().data()));
    }

    @Test
    void labelsCycleThroughTheClassesAndSizesFollowTheConfig() {
        SyntheticObjects ds = new SyntheticObjects(config(224, 0, 3));
        assertEquals(100, ds.size(Split.TRAIN));
        assertEquals(30, ds.size(Split.TEST));
        assertEquals(10, ds.classNames().size());
        assertEquals(10, ds.classNames().stream().distinct().count());
        Sample s = ds.get(Split.TEST, 23);
        assertEquals(3, s.label());
        assertEquals(224, s.image().width());
        assertEquals(224, s.groundTruth().orElseThrow().width());
        assertTrue(ds.providesMasks());
    }

    @Test
    void masksCoverTheObjectAndStayWithinTheScaleRange() {
        SyntheticObjects ds = new SyntheticObjects(config(64, 0, 0));
        for (int i = 0; i < 60; i++) {
            Mask m = ds.get(Split.TRAIN, i).groundTruth().orElseThrow();
            double fg = m.foregroundFraction();
            // bounding box 10-60 % of the image, shapes fill 30-100 % of their box, up to ~60 % cut by the border
            assertTrue(fg > 0.005 && fg < 0.62, "sample " + i + " foreground " + fg);
            for (float v : m.data()) {
                assertTrue(v >= 0 && v <= 1);
            }
        }
    }

    @Test
    void theObjectChangesThePixelsUnderItsMaskOnly() {
        // same background stream: paint the background alone and compare with the full sample
        SyntheticObjectsConfig cfg = config(48, 3, 2);
        Sample s = new SyntheticObjects(cfg).get(Split.TRAIN, 5);
        java.util.SplittableRandom rng = org.harl.spi.data.SeedMixer.random(cfg.seed(), Split.TRAIN.ordinal(), 5);
        Canvas bg = new Canvas(48, 48);
        Backgrounds.paint(bg, cfg.background(), rng.split());
        float[] background = bg.toImage().data();
        float[] mask = s.groundTruth().orElseThrow().data();
        int changedOutside = 0;
        int changedInside = 0;
        for (int i = 0; i < mask.length; i++) {
            boolean changed = false;
            for (int c = 0; c < 3; c++) {
                changed |= Math.abs(background[c * mask.length + i] - s.image().data()[c * mask.length + i]) > 1e-6;
            }
            if (mask[i] == 0 && changed) {
                changedOutside++;
            }
            if (mask[i] == 1 && changed) {
                changedInside++;
            }
        }
        assertEquals(0, changedOutside);
        assertTrue(changedInside > 0);
    }

    @Test
    void outOfRangeIndexAndBadConfigAreRejected() {
        SyntheticObjects ds = new SyntheticObjects(config(32, 0, 1));
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> ds.get(Split.TEST, 30));
        assertTrue(e.getMessage().contains("test index 30"));
        SyntheticObjectsConfig d = SyntheticObjectsConfig.defaults();
        InvalidConfigException size = assertThrows(InvalidConfigException.class, () -> new SyntheticObjectsConfig(
                10, 16, 10, 10, 0, 0.1, 0.6, 0.04, 3, 0.3, 1.0));
        assertEquals("image_size", size.key());
        InvalidConfigException scale = assertThrows(InvalidConfigException.class, () -> new SyntheticObjectsConfig(
                10, 32, 10, 10, 0, 0.5, 0.4, 0.04, 3, 0.3, 1.0));
        assertEquals("max_scale", scale.key());
        InvalidConfigException blobs = assertThrows(InvalidConfigException.class, () -> new SyntheticObjectsConfig(
                10, 32, 10, 10, 0, 0.1, 0.6, 0.04, -1, 0.3, 1.0));
        assertEquals("max_distractors", blobs.key());
        assertEquals(32, d.imageSize());
    }
}
