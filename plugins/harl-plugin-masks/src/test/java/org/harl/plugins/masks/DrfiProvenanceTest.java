package org.harl.plugins.masks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.harl.plugins.masks.ModelProvenance.Supervision;
import org.harl.spi.data.Sample;
import org.junit.jupiter.api.Test;

/** Mask models carry where they came from, and the bundled one must be label-free. */
class DrfiProvenanceTest {

    private static final DrfiConfig SMALL = new DrfiConfig(
            List.of(new DrfiLevel(0.8, 100, 150), new DrfiLevel(0.8, 300, 300)), 120_000, 0, 0.9, 0.01, "");

    private static final ModelProvenance PSEUDO = new ModelProvenance("synthetic_objects[seed=7]", "train", 3, 24,
            Supervision.PSEUDO_LABELS, "harl masks train-drfi --dataset synthetic_objects", "2025-01-01T00:00:00Z",
            "0.1.0");

    private static RegressionForest tinyForest() {
        return new RegressionForest(RegionFeatures.DIM, new short[][] {{0, -1, -1}}, new float[][] {{0.5f, 0f, 1f}},
                new int[][] {{1, 0, 0}}, new int[][] {{2, 0, 0}});
    }

    private static RegressionForest roundTrip(RegressionForest f) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        f.write(bytes);
        return RegressionForest.read(new ByteArrayInputStream(bytes.toByteArray()), "memory");
    }

    @Test
    void bundledForestIsLabelFree() {
        ModelProvenance p = DrfiProposer.bundledForest().provenance();
        assertEquals(Supervision.PSEUDO_LABELS, p.supervision(), p.describe());
        String text = p.describe().toLowerCase(Locale.ROOT);
        for (String leak : List.of("exact", "label from", "--gt", "supervised", "ground_truth")) {
            assertFalse(text.contains(leak), "bundled forest provenance mentions '" + leak + "':\n" + p.describe());
        }
        assertTrue(p.count() > 0 && !p.command().equals("unknown"), p.describe());
        assertNull(p.loadWarning("bundled"));
    }

    @Test
    void provenanceSurvivesTheFileFormat() throws IOException {
        RegressionForest back = roundTrip(tinyForest().withProvenance(PSEUDO));
        assertEquals(PSEUDO, back.provenance());
        assertEquals(1.0, back.predict(new double[RegionFeatures.DIM]) + back.predict(oneAt0()), 0.0);
    }

    private static double[] oneAt0() {
        double[] x = new double[RegionFeatures.DIM];
        x[0] = 1;
        return x;
    }

    @Test
    void filesWithoutProvenanceReadAsUnknownAndWarn() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream d = new DataOutputStream(new GZIPOutputStream(bytes))) {
            d.writeInt(0x48524631); // the format before provenance: "HRF1", dimension, trees, nodes
            d.writeInt(RegionFeatures.DIM);
            d.writeInt(1);
            d.writeInt(1);
            d.writeShort(-1);
            d.writeFloat(0.25f);
        }
        RegressionForest old = RegressionForest.read(new ByteArrayInputStream(bytes.toByteArray()), "old.bin.gz");
        assertEquals(Supervision.UNKNOWN, old.provenance().supervision());
        assertEquals(0.25, old.predict(new double[RegionFeatures.DIM]), 1e-9);
        String warning = DrfiProposer.warnIfNotLabelFree(old, "old.bin.gz");
        assertTrue(warning.contains("no provenance record"), warning);
    }

    @Test
    void supervisedModelsWarnOnLoad() {
        ModelProvenance exact = new ModelProvenance("synthetic_objects[seed=0]", "train", 1, 200,
                Supervision.EXACT_MASKS, "harl masks train-drfi --supervised-exact-masks", "d", "v");
        String warning = DrfiProposer.warnIfNotLabelFree(tinyForest().withProvenance(exact), "f.bin.gz");
        assertTrue(warning.contains("supervised: trained on exact masks of synthetic_objects[seed=0]"), warning);
        assertNull(DrfiProposer.warnIfNotLabelFree(tinyForest().withProvenance(PSEUDO), "f.bin.gz"));
    }

    @Test
    void badProvenanceNamesTheKey() {
        IOException missing = assertThrows(IOException.class,
                () -> ModelProvenance.decode(PSEUDO.encode().replaceAll("(?m)^count=.*\n", ""), "m.bin.gz"));
        assertTrue(missing.getMessage().contains("m.bin.gz") && missing.getMessage().contains("'count'"),
                missing.getMessage());
        IOException kind = assertThrows(IOException.class,
                () -> ModelProvenance.decode(PSEUDO.encode().replace("pseudo_labels", "labels"), "m.bin.gz"));
        assertTrue(kind.getMessage().contains("'supervision'"), kind.getMessage());
    }

    @Test
    void selfTrainingCountsNoExactMasks() {
        DrfiTraining prior = new DrfiTraining(SMALL, 20, 5);
        for (int i = 0; i < 12; i++) {
            prior.add(i, SyntheticScenes.scene(700 + i, 64, 64).image(), Optional.empty());
        }
        assertEquals(0, prior.supervisedImages());
        RegressionForest first = prior.train(12, 6, 15, 3);
        RegressionForest again = prior.train(12, 6, 15, 3); // tree chunks train in parallel: still deterministic
        assertEquals(12, first.trees());
        for (double[] x : DrfiAnalysis.of(SyntheticScenes.scene(901, 64, 64).image(), SMALL).features().get(0)) {
            assertEquals(first.predict(x), again.predict(x), 0.0);
        }
        DrfiTraining self = new DrfiTraining(SMALL, 20, 5);
        for (int i = 0; i < 12; i++) {
            self.addSelfLabelled(i, SyntheticScenes.scene(700 + i, 64, 64).image(), first);
        }
        assertEquals(0, self.supervisedImages());
        assertEquals(12, self.images());
        assertTrue(self.positives() > 10 && self.negatives() > 10, self.positives() + " / " + self.negatives());
        Sample s = SyntheticScenes.scene(800, 64, 64);
        self.add(99, s.image(), s.groundTruth());
        assertEquals(1, self.supervisedImages());
    }
}
