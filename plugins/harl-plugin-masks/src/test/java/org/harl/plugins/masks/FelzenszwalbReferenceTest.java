package org.harl.plugins.masks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.harl.spi.data.ImageFiles;
import org.harl.spi.data.RgbImage;
import org.harl.testing.TestResources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Our FH reproduces scikit-image 0.19.3's partitions (src/test/resources/felzenszwalb, see its README). */
class FelzenszwalbReferenceTest {

    static final Path DIR = TestResources.path(FelzenszwalbReferenceTest.class, "felzenszwalb");

    static Stream<Arguments> cases() throws IOException {
        String json = Files.readString(DIR.resolve("cases.json"));
        Matcher m = Pattern.compile("\"(\\w+)\":\\s*\\{([^}]*)}").matcher(json);
        Stream.Builder<Arguments> b = Stream.builder();
        while (m.find()) {
            String body = m.group(2);
            b.add(Arguments.of(m.group(1), num(body, "scale"), num(body, "sigma"), (int) num(body, "min_size"),
                    (int) num(body, "segments")));
        }
        return b.build();
    }

    private static double num(String body, String key) {
        Matcher m = Pattern.compile("\"" + key + "\":\\s*([0-9.]+)").matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("cases.json: no " + key + " in " + body);
        }
        return Double.parseDouble(m.group(1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reproducesSkimagePartition(String name, double scale, double sigma, int minSize, int segments)
            throws IOException {
        RgbImage image = ImageFiles.readImage(DIR.resolve(name + ".png"));
        int[] reference = readLabels16(DIR.resolve(name + ".labels.png"));
        Segmentation seg = Felzenszwalb.segment(image, scale, sigma, minSize);
        assertEquals(segments, seg.count(), name + ": segment count");
        double ari = AdjustedRand.index(seg.labels(), reference);
        assertTrue(ari > 0.99, name + ": adjusted Rand index " + ari);
    }

    @Test
    void casesAreFound() throws IOException {
        assertEquals(4, cases().count());
    }

    @Test
    void uniformImageIsOneSegmentAndMinSizeMerges() {
        RgbImage flat = RgbImage.blank(20, 10);
        assertEquals(1, Felzenszwalb.segment(flat, 1, 0.8, 1).count());
        // two halves of very different colour: two segments at small scale; min_size above a half merges them
        RgbImage two = RgbImage.blank(20, 10);
        for (int y = 0; y < 10; y++) {
            for (int x = 10; x < 20; x++) {
                two.set(0, x, y, 1f);
            }
        }
        Segmentation s = Felzenszwalb.segment(two, 10, 0.0, 1);
        assertEquals(2, s.count());
        assertEquals(0, s.labels()[0]);
        assertEquals(1, s.labels()[19]);
        assertEquals(1, Felzenszwalb.segment(two, 10, 0.0, 101).count());
    }

    static int[] readLabels16(Path file) throws IOException {
        BufferedImage b = ImageIO.read(file.toFile());
        assertEquals(BufferedImage.TYPE_USHORT_GRAY, b.getType(), file + " must be 16-bit grey");
        int w = b.getWidth();
        int[] out = new int[w * b.getHeight()];
        for (int y = 0; y < b.getHeight(); y++) {
            for (int x = 0; x < w; x++) {
                out[y * w + x] = b.getRaster().getSample(x, y, 0);
            }
        }
        return out;
    }
}
