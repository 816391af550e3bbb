package org.harl.plugins.masks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
import org.harl.spi.ComponentKind;
import org.harl.spi.HarlPlugin;
import org.harl.spi.PluginContext;
import org.harl.spi.config.InvalidConfigException;
import org.harl.spi.data.ImageFiles;
import org.harl.spi.data.Mask;
import org.harl.spi.data.RgbImage;
import org.harl.spi.data.Sample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProposersTest {

    static PluginContext context(Path base) {
        return new PluginContext() {
            public long seed() {
                return 1;
            }

            public Optional<Path> runDirectory() {
                return Optional.empty();
            }

            public Path resolvePath(String path) {
                return base.resolve(path);
            }

            public Object createComponent(ComponentKind kind, Map<String, Object> spec) {
                throw new UnsupportedOperationException();
            }
        };
    }

    private static Sample blank(String id, int w, int h) {
        return new Sample(id, RgbImage.blank(w, h), Optional.empty(), -1);
    }

    @Test
    void pluginIsDiscoveredWithAllProposers() {
        Set<String> names = ServiceLoader.load(HarlPlugin.class).stream().map(ServiceLoader.Provider::get)
                .flatMap(p -> p.factories().stream()).filter(f -> f.kind() == ComponentKind.MASK_PROPOSER)
                .map(f -> f.name()).collect(Collectors.toSet());
        assertEquals(Set.of("drfi", "felzenszwalb", "full_image", "center_prior", "precomputed", "ground_truth"), names);
    }

    @Test
    void fullImageIsAllOnes() {
        Mask m = new FullImageProposer().propose(blank("a", 5, 3));
        assertEquals(1.0, m.foregroundFraction(), 1e-9);
        assertEquals(5, m.width());
    }

    @Test
    void centerPriorCoversItsAreaFractionAroundTheCentre() {
        Mask m = new CenterPriorProposer(new CenterPriorProposer.Config(0.3)).propose(blank("a", 200, 100));
        assertEquals(0.3, m.foregroundFraction(), 0.01);
        assertEquals(1f, m.get(100, 50));
        assertEquals(0f, m.get(0, 0));
        assertThrows(InvalidConfigException.class, () -> new CenterPriorProposer.Config(0.9));
    }

    @Test
    void groundTruthPassesThroughOrExplains() {
        Mask gt = Mask.filled(4, 4, 1f);
        Sample with = new Sample("x", RgbImage.blank(4, 4), Optional.of(gt), -1);
        assertSame(gt, new GroundTruthProposer().propose(with));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new GroundTruthProposer().propose(blank("y/1.jpg", 4, 4)));
        assertTrue(e.getMessage().contains("y/1.jpg") && e.getMessage().contains("ground_truth"));
    }

    @Test
    void precomputedReadsTheHarlLayoutAndResizes(@TempDir Path dir) throws Exception {
        float[] d = new float[4];
        d[1] = 1f;
        d[3] = 1f; // right column of a 2x2 mask
        ImageFiles.writeMask(new Mask(2, 2, d), dir.resolve("masks/cls/img1.png"));
        var p = PrecomputedProposer.FACTORY.create(new PrecomputedProposer.Config("masks", true), context(dir));
        Mask m = p.propose(blank("cls/img1.jpg", 4, 4));
        assertEquals(0.5, m.foregroundFraction(), 1e-9);
        assertEquals(1f, m.get(3, 0));
        assertEquals(0f, m.get(0, 3));
        var err = assertThrows(RuntimeException.class, () -> p.propose(blank("cls/missing.jpg", 4, 4)));
        assertTrue(err.getMessage().contains("cls/missing.jpg"), err.getMessage());
        assertEquals(dir.resolve("m/a/b.png"), PrecomputedProposer.maskPath(dir.resolve("m"), "a/b.jpeg"));
        assertThrows(IllegalArgumentException.class, () -> PrecomputedProposer.maskPath(dir, "../x.png"));
        assertThrows(IllegalArgumentException.class, () -> new PrecomputedProposer(dir.resolve("nope"), true));
        assertTrue(Files.exists(dir.resolve("masks/cls/img1.png")));
    }

    @Test
    void felzenszwalbProposerKeepsTheObjectAwayFromTheBorder() {
        Sample s = SyntheticScenes.scene(3, 96, 96);
        Mask m = new FelzenszwalbProposer(new FelzenszwalbProposer.Config(300, 0.8, 1000, 187_500, 0.05)).propose(s);
        assertEquals(0f, m.get(0, 0), "a corner pixel touches the border");
        assertTrue(m.foregroundFraction() < 0.9);
    }

    @Test
    void binarizationUsesTwiceTheMeanAndDropsSmallComponents() {
        int w = 20;
        int h = 10;
        float[] s = new float[w * h];
        for (int y = 2; y < 8; y++) {
            for (int x = 2; x < 10; x++) {
                s[y * w + x] = 1f; // 48 px block
            }
        }
        s[17] = 1f; // a lone pixel at (17, 0): a component of 1 < 1% of 200 = 2 px
        Mask m = Binarization.binarize(s, w, h, 0.9, 0.01);
        assertEquals(48, Math.round(m.foregroundFraction() * w * h));
        assertEquals(0f, m.data()[17]);
        assertEquals(1f, m.get(2, 2));
        assertEquals(0.0, Binarization.binarize(new float[w * h], w, h, 0.9, 0.01).foregroundFraction());
    }
}
