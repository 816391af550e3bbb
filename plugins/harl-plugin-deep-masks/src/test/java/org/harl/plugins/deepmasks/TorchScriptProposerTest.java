package org.harl.plugins.deepmasks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.harl.spi.config.InvalidConfigException;
import org.harl.spi.data.Mask;
import org.harl.spi.data.RgbImage;
import org.harl.spi.data.Sample;
import org.harl.testing.TestPluginContext;
import org.harl.testing.TestResources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tiny model (src/test/resources/torchscript, see its README) computes sigmoid(8/3 (R + G + B)) of its input. */
class TorchScriptProposerTest {

    static final Path MODEL = TestResources.path(TorchScriptProposerTest.class, "torchscript/tiny_saliency.pt");
    static final float[] MEAN = {0.485f, 0.456f, 0.406f};
    static final float[] STD = {0.229f, 0.224f, 0.225f};

    static TorchScriptConfig config(NormalizationPreset n, ModelOutput out, boolean soft) {
        return new TorchScriptConfig(MODEL.toString(), n, out, 0.5, soft, 4);
    }

    /** Random pixels whose normalised channel sum stays at least 0.05 away from 0, so thresholding is exact. */
    static Sample image(int w, int h, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        RgbImage im = RgbImage.blank(w, h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                do {
                    for (int c = 0; c < 3; c++) {
                        im.set(c, x, y, (float) r.nextDouble());
                    }
                } while (Math.abs(normalisedSum(im, x, y)) < 0.05);
            }
        }
        return new Sample("test/" + seed, im, Optional.empty(), -1);
    }

    static double normalisedSum(RgbImage im, int x, int y) {
        double s = 0;
        for (int c = 0; c < 3; c++) {
            s += (im.get(c, x, y) - MEAN[c]) / STD[c];
        }
        return s;
    }

    @Test
    void softOutputIsSigmoidOfEightThirdsTimesTheNormalisedChannelSum() {
        Sample s = image(13, 9, 1);
        try (TorchScriptProposer p = new TorchScriptProposer(
                config(NormalizationPreset.IMAGENET, ModelOutput.PROBABILITIES, true), MODEL)) {
            Mask m = p.propose(s);
            assertEquals(13, m.width());
            assertEquals(9, m.height());
            for (int y = 0; y < 9; y++) {
                for (int x = 0; x < 13; x++) {
                    double expected = 1 / (1 + Math.exp(-8.0 / 3 * normalisedSum(s.image(), x, y)));
                    assertEquals(expected, m.get(x, y), 1e-5, "pixel " + x + "," + y);
                }
            }
        }
    }

    @Test
    void binaryMaskIsForegroundExactlyWhereTheNormalisedSumIsPositive() {
        Sample s = image(20, 11, 2);
        int fg = 0;
        try (TorchScriptProposer p = new TorchScriptProposer(
                config(NormalizationPreset.IMAGENET, ModelOutput.PROBABILITIES, false), MODEL)) {
            Mask m = p.propose(s);
            for (int y = 0; y < 11; y++) {
                for (int x = 0; x < 20; x++) {
                    boolean positive = normalisedSum(s.image(), x, y) > 0;
                    assertEquals(positive ? 1f : 0f, m.get(x, y), "pixel " + x + "," + y);
                    fg += positive ? 1 : 0;
                }
            }
        }
        assertTrue(fg > 20 && fg < 200, "the test image must mix both classes, got " + fg + " foreground pixels");
    }

    @Test
    void withoutNormalisationEveryNonBlackPixelIsForeground() {
        RgbImage im = RgbImage.blank(4, 3);
        im.set(1, 2, 1, 0.01f); // one dim green pixel; all others black: sum 0, probability exactly 0.5
        try (TorchScriptProposer p = new TorchScriptProposer(
                config(NormalizationPreset.NONE, ModelOutput.PROBABILITIES, false), MODEL)) {
            Mask m = p.propose(new Sample("black", im, Optional.empty(), -1));
            assertEquals(1f, m.get(2, 1));
            assertEquals(1.0 / 12, m.foregroundFraction(), 1e-9);
        }
    }

    @Test
    void logitOutputGetsASigmoid() {
        Sample s = image(5, 5, 3);
        try (TorchScriptProposer probs = new TorchScriptProposer(
                config(NormalizationPreset.IMAGENET, ModelOutput.PROBABILITIES, true), MODEL);
                TorchScriptProposer logits = new TorchScriptProposer(
                        config(NormalizationPreset.IMAGENET, ModelOutput.LOGITS, true), MODEL)) {
            float[] p = probs.propose(s).data();
            float[] l = logits.propose(s).data();
            for (int i = 0; i < p.length; i++) {
                assertEquals(1 / (1 + Math.exp(-p[i])), l[i], 1e-6);
            }
        }
    }

    @Test
    void batchedProposalsMatchSingleOnesInInputOrder() {
        List<Sample> samples = List.of(image(8, 6, 4), image(5, 7, 5), image(8, 6, 6), image(8, 6, 7),
                image(8, 6, 8), image(8, 6, 9), image(5, 7, 10));
        try (TorchScriptProposer p = new TorchScriptProposer(
                config(NormalizationPreset.IMAGENET, ModelOutput.PROBABILITIES, true), MODEL)) {
            List<Mask> batched = p.proposeAll(samples);
            assertEquals(samples.size(), batched.size());
            for (int i = 0; i < samples.size(); i++) {
                Mask single = p.propose(samples.get(i));
                assertEquals(samples.get(i).image().width(), batched.get(i).width());
                assertArrayEquals(single.data(), batched.get(i).data(), 1e-6f, "sample " + i);
            }
        }
    }

    @Test
    void probabilitiesOutsideZeroOneAskForLogitMode(@TempDir Path dir) {
        RgbImage im = RgbImage.blank(2, 2);
        try (TorchScriptProposer p = new TorchScriptProposer(
                config(NormalizationPreset.IMAGENET, ModelOutput.PROBABILITIES, true), MODEL)) {
            // the model's output is a sigmoid, always in [0,1]: feed NaN to get a non-probability out
            java.util.Arrays.fill(im.data(), Float.NaN);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> p.propose(new Sample("nan", im, Optional.empty(), -1)));
            assertTrue(e.getMessage().contains("output: logits"), e.getMessage());
        }
    }

    @Test
    void missingOrCorruptModelFilesGiveClearErrors(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("nope.pt");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new TorchScriptProposer(
                config(NormalizationPreset.NONE, ModelOutput.PROBABILITIES, false), missing));
        assertTrue(e.getMessage().contains(missing.toString()) && e.getMessage().contains("does not exist"),
                e.getMessage());

        Path corrupt = Files.writeString(dir.resolve("corrupt.pt"), "not a torchscript archive");
        e = assertThrows(IllegalArgumentException.class, () -> new TorchScriptProposer(
                config(NormalizationPreset.NONE, ModelOutput.PROBABILITIES, false), corrupt));
        assertTrue(e.getMessage().contains(corrupt.toString()) && e.getMessage().contains("cannot load"),
                e.getMessage());
    }

    @Test
    void factoryResolvesTheModelPathAndRequiresIt() {
        var f = TorchScriptProposer.FACTORY;
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> f.create(f.defaults(), TestPluginContext.withSeed(1)));
        assertEquals("model", e.key());
        TestPluginContext ctx = new TestPluginContext(1, MODEL.getParent(), null, null);
        TorchScriptConfig c = new TorchScriptConfig("tiny_saliency.pt", NormalizationPreset.NONE,
                ModelOutput.PROBABILITIES, 0.5, false, 1);
        try (var p = f.create(c, ctx)) {
            assertEquals(1f, p.propose(image(3, 3, 11)).foregroundFraction(), 1e-9);
        }
    }

    @Test
    void configRejectsOutOfRangeValues() {
        assertEquals("threshold", assertThrows(InvalidConfigException.class, () -> new TorchScriptConfig("m.pt",
                NormalizationPreset.NONE, ModelOutput.LOGITS, 1.0, false, 1)).key());
        assertEquals("batch_size", assertThrows(InvalidConfigException.class, () -> new TorchScriptConfig("m.pt",
                NormalizationPreset.NONE, ModelOutput.LOGITS, 0.5, false, 0)).key());
    }
}
