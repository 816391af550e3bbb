package org.harl.plugins.masks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.harl.spi.data.Mask;
import org.harl.spi.data.Sample;
import org.junit.jupiter.api.Test;

class DrfiTest {

    /** Two small levels keep the test fast. */
    private static final DrfiConfig SMALL = new DrfiConfig(
            List.of(new DrfiLevel(0.8, 100, 150), new DrfiLevel(0.8, 300, 300)), 120_000, 0, 0.9, 0.01, "");

    private static double iou(Mask a, Mask b) {
        double i = 0;
        double u = 0;
        for (int k = 0; k < a.data().length; k++) {
            boolean x = a.data()[k] > 0.5f;
            boolean y = b.data()[k] > 0.5f;
            i += x && y ? 1 : 0;
            u += x || y ? 1 : 0;
        }
        return i / u;
    }

    @Test
    void regionFeaturesHaveTheDocumentedLayout() {
        Sample s = SyntheticScenes.scene(11, 64, 48);
        DrfiAnalysis a = DrfiAnalysis.of(s.image(), SMALL);
        assertEquals(2, a.levels().size());
        double[][] f = a.features().get(0);
        assertEquals(a.levels().get(0).count(), f.length);
        double areaSum = 0;
        for (double[] row : f) {
            assertEquals(RegionFeatures.DIM, row.length);
            areaSum += row[2 * RegionStats.DESCRIPTOR + 17];
            for (double v : row) {
                assertTrue(Double.isFinite(v));
            }
        }
        assertEquals(1.0, areaSum, 1e-9, "area fractions sum to 1");
    }

    @Test
    void forestTrainedOnCompositesFindsObjectsAndRoundTrips() throws IOException {
        DrfiTraining training = new DrfiTraining(SMALL, 20, 5);
        for (int i = 0; i < 24; i++) {
            Sample s = SyntheticScenes.scene(500 + i, 64, 64);
            training.add(i, s.image(), i % 3 == 2 ? Optional.empty() : s.groundTruth());
        }
        assertTrue(training.positives() > 10 && training.negatives() > 10);
        RegressionForest forest = training.train(8, 6, 15, 3);
        assertEquals(8, forest.trees());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        forest.write(bytes);
        RegressionForest back = RegressionForest.read(new ByteArrayInputStream(bytes.toByteArray()), "memory");
        double[] x = DrfiAnalysis.of(SyntheticScenes.scene(1, 64, 64).image(), SMALL).features().get(0)[0];
        assertEquals(forest.predict(x), back.predict(x), 0.0);

        DrfiProposer drfi = new DrfiProposer(SMALL, forest);
        CenterPriorProposer centre = new CenterPriorProposer(new CenterPriorProposer.Config(0.3));
        double d = 0;
        double c = 0;
        for (int i = 0; i < 8; i++) {
            Sample s = SyntheticScenes.scene(9000 + i, 64, 64);
            d += iou(drfi.propose(s), s.groundTruth().get());
            c += iou(centre.propose(s), s.groundTruth().get());
        }
        assertTrue(d / 8 > c / 8 + 0.1, "drfi IoU " + d / 8 + " vs centre prior " + c / 8);
    }

    @Test
    void corruptForestIsRejected() {
        assertThrows(IOException.class, () -> RegressionForest.read(new ByteArrayInputStream(new byte[] {1, 2, 3}), "x"));
    }

    @Test
    void pseudoLabelsMarkBorderRegionsBackground() {
        Sample s = SyntheticScenes.scene(21, 64, 64);
        DrfiAnalysis a = DrfiAnalysis.of(s.image(), SMALL);
        double[][] f = a.features().get(0);
        int[] labels = PseudoLabels.label(f);
        for (int r = 0; r < f.length; r++) {
            if (f[r][2 * RegionStats.DESCRIPTOR + 19] >= 2) {
                assertEquals(0, labels[r]);
            }
            if (labels[r] == 1) {
                assertEquals(0.0, f[r][2 * RegionStats.DESCRIPTOR + 19]);
            }
        }
    }
}
