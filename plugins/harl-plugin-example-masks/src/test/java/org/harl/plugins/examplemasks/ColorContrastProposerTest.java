package org.harl.plugins.examplemasks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.ServiceLoader;
import org.harl.spi.HarlPlugin;
import org.harl.spi.config.InvalidConfigException;
import org.harl.spi.data.Mask;
import org.harl.spi.data.RgbImage;
import org.harl.spi.data.Sample;
import org.harl.testing.ContractImages;
import org.junit.jupiter.api.Test;

class ColorContrastProposerTest {

    @Test
    void findsAnObjectThatDiffersFromTheBorderColour() {
        Sample disc = ContractImages.disc(40, 30, 3);
        for (ContrastThreshold t : ContrastThreshold.values()) {
            Mask m = new ColorContrastProposer(new ColorContrastConfig(0.05, t, false)).propose(disc);
            Mask gt = disc.groundTruth().orElseThrow();
            int inter = 0;
            int union = 0;
            for (int i = 0; i < m.data().length; i++) {
                boolean p = m.data()[i] > 0.5f;
                boolean g = gt.data()[i] > 0.5f;
                inter += p && g ? 1 : 0;
                union += p || g ? 1 : 0;
            }
            assertTrue(inter / (double) union > 0.95, t + ": IoU " + inter / (double) union);
        }
    }

    @Test
    void uniformImageHasNoForeground() {
        RgbImage im = RgbImage.blank(6, 5);
        java.util.Arrays.fill(im.data(), 0.3f);
        Mask m = new ColorContrastProposer(new ColorContrastConfig(0.1, ContrastThreshold.OTSU, false))
                .propose(new Sample("u", im, Optional.empty(), -1));
        assertEquals(0.0, m.foregroundFraction());
    }

    @Test
    void softMapIsTheDistanceScaledToOne() {
        RgbImage im = RgbImage.blank(5, 5); // black border, one white and one grey pixel inside
        for (int c = 0; c < 3; c++) {
            im.set(c, 2, 2, 1f);
            im.set(c, 1, 2, 0.5f);
        }
        Mask m = new ColorContrastProposer(new ColorContrastConfig(0.2, ContrastThreshold.OTSU, true))
                .propose(new Sample("s", im, Optional.empty(), -1));
        // border (width 1) mean: 16 black pixels -> distance of white = sqrt(3), of grey = sqrt(3)/2
        assertEquals(1f, m.get(2, 2), 1e-6);
        assertEquals(0.5f, m.get(1, 2), 1e-6);
        assertEquals(0f, m.get(0, 0), 1e-6);
    }

    @Test
    void otsuSplitsTwoClusters() {
        float[] v = {0.1f, 0.12f, 0.11f, 0.8f, 0.82f, 0.79f};
        double t = ColorContrastProposer.otsu(v);
        assertTrue(t > 0.12 && t < 0.79, "threshold " + t);
    }

    @Test
    void configValidatesItsKeys() {
        assertEquals("border_width", assertThrows(InvalidConfigException.class,
                () -> new ColorContrastConfig(0.7, ContrastThreshold.OTSU, false)).key());
        assertEquals("threshold", assertThrows(InvalidConfigException.class,
                () -> new ColorContrastConfig(0.1, null, false)).key());
    }

    @Test
    void pluginIsFoundThroughServiceLoader() {
        assertTrue(ServiceLoader.load(HarlPlugin.class).stream().map(ServiceLoader.Provider::type)
                .anyMatch(ExampleMasksPlugin.class::equals));
        assertArrayEquals(new String[] {"color_contrast"},
                new ExampleMasksPlugin().factories().stream().map(f -> f.name()).toArray());
    }
}
