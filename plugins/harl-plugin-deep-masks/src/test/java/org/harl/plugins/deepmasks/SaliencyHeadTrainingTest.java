package org.harl.plugins.deepmasks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.harl.spi.data.Mask;
import org.harl.spi.data.RgbImage;
import org.harl.spi.data.Sample;
import org.harl.spi.mask.MaskProposer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end on a stand-in encoder (pooled colour): targets -> fit -> save -> load -> masks. */
class SaliencyHeadTrainingTest {

    static final MaskProposer GROUND_TRUTH = s -> s.groundTruth().orElseThrow();

    /** Yellow discs of random centre and radius on a dark blue noisy background, 40x36. */
    static List<Sample> discs(int count, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Sample> out = new ArrayList<>();
        int w = 40;
        int h = 36;
        for (int k = 0; k < count; k++) {
            double cx = 10 + r.nextDouble() * 20;
            double cy = 10 + r.nextDouble() * 16;
            double rad = 5 + r.nextDouble() * 5;
            RgbImage im = RgbImage.blank(w, h);
            float[] gt = new float[w * h];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    boolean in = Math.hypot(x + 0.5 - cx, y + 0.5 - cy) <= rad;
                    gt[y * w + x] = in ? 1f : 0f;
                    float[] c = in ? new float[] {0.9f, 0.8f, 0.2f} : new float[] {0.1f, 0.15f, 0.4f};
                    for (int ch = 0; ch < 3; ch++) {
                        im.set(ch, x, y, Math.max(0f, Math.min(1f, c[ch] + (float) r.nextGaussian() * 0.05f)));
                    }
                }
            }
            out.add(new Sample("disc/" + seed + "/" + k, im, Optional.of(new Mask(w, h, gt)), -1));
        }
        return out;
    }

    static SaliencyHeadTraining.Outcome train(int rounds) {
        EncoderGrid grid = new EncoderGrid(new PoolingEncoder(32, 4), 8);
        return new SaliencyHeadTraining(grid, new SaliencyHeadTraining.Settings(120, 0.1f, rounds, 0.5, 0.01), null)
                .train(discs(16, 1), GROUND_TRUTH);
    }

    @Test
    void headTrainedOnTargetMasksFindsHeldOutObjects() {
        SaliencyHeadTraining.Outcome out = train(0);
        assertEquals(8, out.gridWidth());
        assertEquals(1, out.fitLosses().size());
        try (SaliencyHeadProposer p = new SaliencyHeadProposer(new EncoderGrid(new PoolingEncoder(32, 4), 8),
                out.head(), 0.5, 0.01, false)) {
            double mean = 0;
            List<Sample> test = discs(8, 99);
            List<Mask> masks = p.proposeAll(test);
            for (int i = 0; i < test.size(); i++) {
                assertEquals(40, masks.get(i).width());
                assertEquals(36, masks.get(i).height());
                mean += iou(masks.get(i), test.get(i).groundTruth().orElseThrow()) / test.size();
            }
            assertTrue(mean > 0.75, "held-out IoU " + mean);
        }
    }

    /** input_side: images enter the encoder at another side than the head's; the grid scales with it. */
    @Test
    void largerInputSideGivesAFinerGridForTheSameHead() {
        SaliencyHeadTraining.Outcome out = train(0);
        PoolingEncoder encoder = new PoolingEncoder(32, 4);
        List<Sample> test = discs(8, 99);
        List<RgbImage> images = test.stream().map(Sample::image).toList();
        assertEquals(16, new EncoderGrid(encoder, 8, 64).features(images).get(0).width());
        try (SaliencyHeadProposer p = new SaliencyHeadProposer(new EncoderGrid(encoder, 8, 64), out.head(), 0.5, 0.01,
                false)) {
            List<Mask> masks = p.proposeAll(test);
            double mean = 0;
            for (int i = 0; i < test.size(); i++) {
                assertEquals(40, masks.get(i).width());
                mean += iou(masks.get(i), test.get(i).groundTruth().orElseThrow()) / test.size();
            }
            assertTrue(mean > 0.75, "held-out IoU at input side 64: " + mean);
        }
        assertThrows(IllegalArgumentException.class, () -> new EncoderGrid(encoder, 8, 0));
    }

    @Test
    void selfTrainingRoundsRefitOnTheHeadsOwnMasks() {
        SaliencyHeadTraining.Outcome out = train(1);
        assertEquals(2, out.fitLosses().size());
        assertTrue(out.fitLosses().get(1) < 0.5, "round-1 loss " + out.fitLosses().get(1));
    }

    @Test
    void savedHeadLoadsBackWithItsSettings(@TempDir Path dir) throws Exception {
        SaliencyHead head = new SaliencyHead(new float[] {0.25f, -1.5f, 3f});
        SaliencyHeadInfo info = new SaliencyHeadInfo(3, 32, 8, 8, "{type=ground_truth}", 16, 300, 0.05f, 0, 0.5,
                0.01, 0.2, 0.12);
        Path params = dir.resolve("run/saliency_head.params");
        SaliencyHeadFiles.save(params, head, info);
        assertTrue(Files.readString(dir.resolve("run/saliency_head.json")).contains("\"input_side\" : 32"));
        SaliencyHeadFiles.Saved back = SaliencyHeadFiles.load(params);
        assertArrayEquals(head.weights(), back.head().weights());
        assertEquals(info, back.info());
    }

    @Test
    void missingOrMismatchedHeadFilesGiveClearErrors(@TempDir Path dir) throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SaliencyHeadFiles.load(dir.resolve("saliency_head.params")));
        assertTrue(e.getMessage().contains("train-saliency"), e.getMessage());
        Path params = dir.resolve("saliency_head.params");
        SaliencyHeadFiles.save(params, new SaliencyHead(new float[] {1f, 2f}),
                new SaliencyHeadInfo(5, 32, 8, 8, "x", 1, 1, 0.1f, 0, 0.5, 0.01, 0.1, 0.1));
        e = assertThrows(IllegalArgumentException.class, () -> SaliencyHeadFiles.load(params));
        assertTrue(e.getMessage().contains("5 channels"), e.getMessage());
        Files.writeString(params, "garbage");
        e = assertThrows(IllegalArgumentException.class, () -> SaliencyHeadFiles.load(params));
        assertTrue(e.getMessage().contains(params.toString()), e.getMessage());
    }

    /** IoU of two masks binarised at 0.5 (1 when both are empty). */
    static double iou(Mask a, Mask b) {
        long inter = 0;
        long union = 0;
        for (int i = 0; i < a.data().length; i++) {
            boolean p = a.data()[i] >= 0.5f;
            boolean q = b.data()[i] >= 0.5f;
            inter += p && q ? 1 : 0;
            union += p || q ? 1 : 0;
        }
        return union == 0 ? 1.0 : (double) inter / union;
    }
}
