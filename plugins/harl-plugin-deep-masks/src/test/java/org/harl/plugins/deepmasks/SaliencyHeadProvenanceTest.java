package org.harl.plugins.deepmasks;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** `harl masks eval` prints a head's provenance; a head fitted to a dataset's exact masks must say so. */
class SaliencyHeadProvenanceTest {

    private static SaliencyHeadInfo info(String targets) {
        return new SaliencyHeadInfo(128, 32, 4, 4, targets, 2000, 300, 0.05f, 0, 0.5, 0.01, 0.2, 0.2);
    }

    @Test
    void headOnDrfiMasksIsPseudoLabelled() {
        String text = SaliencyHeadProposer.describe(Path.of("run/saliency_head.params"), Path.of("run"),
                info("{type=drfi, levels=[], model=}"), 128);
        assertTrue(text.contains("supervision: pseudo_labels\n"), text);
        assertTrue(text.contains("data: the first 2000 images"), text);
        assertTrue(text.contains("grid 4x4 at input side 32\n"), text);
        assertTrue(text.contains("input_side: 128\n"), text);
    }

    @Test
    void headOnGroundTruthIsMarkedExactMasks() {
        String text = SaliencyHeadProposer.describe(Path.of("h.params"), Path.of("run"), info("{type=ground_truth}"),
                32);
        assertTrue(text.contains("supervision: exact_masks\n"), text);
    }
}
