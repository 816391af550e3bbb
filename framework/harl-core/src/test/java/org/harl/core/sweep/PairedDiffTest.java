package org.harl.core.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PairedDiffTest {

    @Test
    void meanSdAndTIntervalOfThePerSeedDifferences() {
        // diffs {1, 2, 3}: mean 2, sd 1, half-width t(0.975, 2) * 1 / sqrt(3) = 4.302653 / 1.732051 = 2.484138
        PairedDiff d = PairedDiff.of("harl", "knn_top1", Map.of("0", 11.0, "1", 22.0, "2", 33.0),
                Map.of("0", 10.0, "1", 20.0, "2", 30.0));
        assertEquals(List.of("0", "1", "2"), d.seeds());
        assertEquals(List.of(1.0, 2.0, 3.0), d.diffs());
        assertEquals(3, d.n());
        assertEquals(2.0, d.mean(), 1e-12);
        assertEquals(1.0, d.std(), 1e-12);
        assertEquals(2.484138, d.halfWidth(), 1e-6);
    }

    @Test
    void onlyTheSharedSeedsArePaired() {
        // seed 3 only in the setting, seed 2 only in the baseline; seeds in numeric order (10 after 9)
        PairedDiff d = PairedDiff.of("harl", "knn_top1", Map.of("0", 0.5, "9", 0.7, "10", 0.4, "3", 0.9),
                Map.of("0", 0.4, "9", 0.4, "10", 0.4, "2", 0.1));
        assertEquals(List.of("0", "9", "10"), d.seeds());
        assertEquals(3, d.n());
        assertEquals((0.1 + 0.3 + 0.0) / 3, d.mean(), 1e-12);
        double sd = Math.sqrt(((0.1 - d.mean()) * (0.1 - d.mean()) + (0.3 - d.mean()) * (0.3 - d.mean())
                + d.mean() * d.mean()) / 2);
        assertEquals(sd, d.std(), 1e-12);
        assertEquals(4.302653 * sd / Math.sqrt(3), d.halfWidth(), 1e-6);
    }

    @Test
    void belowTwoSharedSeedsThereIsNoInterval() {
        PairedDiff one = PairedDiff.of("harl", "knn_top1", Map.of("0", 0.5, "1", 0.6), Map.of("1", 0.4));
        assertEquals(1, one.n());
        assertEquals(0.2, one.mean(), 1e-12);
        assertFalse(one.hasInterval());
        assertTrue(Double.isNaN(one.halfWidth()));
        PairedDiff none = PairedDiff.of("harl", "knn_top1", Map.of("0", 0.5), Map.of("1", 0.4));
        assertEquals(0, none.n());
        assertTrue(Double.isNaN(none.mean()));
    }

    @Test
    void theIntervalIsReadAgainstNoDifference() {
        // diffs {1, 2, 3}: [2 - 2.484, 2 + 2.484] spans 0; {3, 4, 5}: [1.52, 6.48] above; {-3, -4, -5} below
        Map<String, Double> zero = Map.of("0", 0.0, "1", 0.0, "2", 0.0);
        assertEquals("spans 0", PairedDiff.of("h", "m", Map.of("0", 1.0, "1", 2.0, "2", 3.0), zero).intervalVsZero());
        assertEquals("above 0", PairedDiff.of("h", "m", Map.of("0", 3.0, "1", 4.0, "2", 5.0), zero).intervalVsZero());
        assertEquals("below 0",
                PairedDiff.of("h", "m", Map.of("0", -3.0, "1", -4.0, "2", -5.0), zero).intervalVsZero());
        // equal diffs: a zero-width interval at the mean
        assertEquals("above 0", PairedDiff.of("h", "m", Map.of("0", 0.5, "1", 0.5), zero).intervalVsZero());
        assertEquals("–", PairedDiff.of("h", "m", Map.of("0", 9.0), zero).intervalVsZero());
    }
}
