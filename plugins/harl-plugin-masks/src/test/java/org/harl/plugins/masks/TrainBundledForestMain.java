package org.harl.plugins.masks;

import java.io.FileOutputStream;
import java.util.Optional;
import org.harl.spi.data.Sample;

/**
 * Development driver (not a test) that trained the first bundled forest before the synthetic_objects dataset
 * existed: {@code n} SyntheticScenes composites, even seeds with their exact masks, odd seeds pseudo-labelled.
 */
final class TrainBundledForestMain {
    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        int size = Integer.parseInt(args[1]);
        DrfiTraining tr = new DrfiTraining(DrfiConfig.defaults(), Integer.parseInt(args[3]), 7);
        for (int i = 0; i < n; i++) {
            Sample s = SyntheticScenes.scene(1_000_000 + i, size, size);
            tr.add(i, s.image(), i % 2 == 0 ? s.groundTruth() : Optional.empty());
        }
        System.out.printf("regions: %d foreground, %d background%n", tr.positives(), tr.negatives());
        long t = System.nanoTime();
        RegressionForest f = tr.train(50, 10, 15, 7);
        System.out.printf("trained in %.1fs: %d trees, %d nodes%n", (System.nanoTime() - t) / 1e9, f.trees(), f.nodes());
        try (var out = new FileOutputStream(args[2])) {
            f.write(out);
        }
    }
}
