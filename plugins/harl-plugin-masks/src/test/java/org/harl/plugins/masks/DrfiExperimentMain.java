package org.harl.plugins.masks;

import java.io.FileOutputStream;
import java.util.Optional;
import org.harl.spi.data.Mask;
import org.harl.spi.data.Sample;

/** Development driver (not a test): trains a forest on SyntheticScenes and prints timing and IoU. */
final class DrfiExperimentMain {
    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        int size = Integer.parseInt(args[1]);
        DrfiConfig cfg = DrfiConfig.defaults();
        DrfiTraining tr = new DrfiTraining(cfg, 40, 1);
        long t = System.nanoTime();
        for (int i = 0; i < n; i++) {
            Sample s = SyntheticScenes.scene(i, size, size);
            tr.add(i, s.image(), i % 2 == 0 ? s.groundTruth() : Optional.empty());
        }
        System.out.printf("collect %.1fs pos %d neg %d%n", (System.nanoTime() - t) / 1e9, tr.positives(), tr.negatives());
        t = System.nanoTime();
        RegressionForest f = tr.train(60, 12, 15, 1);
        System.out.printf("train %.1fs nodes %d%n", (System.nanoTime() - t) / 1e9, f.nodes());
        try (var out = new FileOutputStream(args[2])) {
            f.write(out);
        }
        DrfiProposer p = new DrfiProposer(cfg, f);
        CenterPriorProposer cp = new CenterPriorProposer(new CenterPriorProposer.Config(0.3));
        double iou = 0, iouC = 0;
        long seg = 0, feat = 0, forest = 0;
        int m = 40;
        for (int i = 0; i < m; i++) {
            Sample s = SyntheticScenes.scene(100000 + i, size, size);
            var r = p.saliency(s);
            seg += r.segmentNanos(); feat += r.featureNanos(); forest += r.forestNanos();
            iou += iou(p.propose(s), s.groundTruth().get());
            iouC += iou(cp.propose(s), s.groundTruth().get());
        }
        System.out.printf("per image: FH %.1f ms features %.1f ms forest %.1f ms; IoU drfi %.3f center %.3f%n",
                seg / 1e6 / m, feat / 1e6 / m, forest / 1e6 / m, iou / m, iouC / m);
    }

    static double iou(Mask a, Mask b) {
        double i = 0, u = 0;
        for (int k = 0; k < a.data().length; k++) {
            boolean x = a.data()[k] > 0.5, y = b.data()[k] > 0.5;
            if (x && y) i++;
            if (x || y) u++;
        }
        return u == 0 ? 1 : i / u;
    }
}
