package org.harl.plugins.masks;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.harl.spi.data.Mask;
import org.harl.spi.data.RgbImage;

/**
 * Collects labelled regions for DRFI's forest and trains it. Regions of images with an exact mask are labelled as
 * drfi_matlab does (1 if ≥ 75% foreground, 0 if ≥ 75% background, else dropped). Images without one get pseudo-labels
 * from unsupervised priors, keeping only confident extremes (see {@link PseudoLabels}). Classes are balanced to at
 * most 1.2:1 before training, as in DRFI's {@code balanceData.m}.
 */
public final class DrfiTraining {

    private final DrfiConfig config;
    private final int maxRegionsPerImage;
    private final SplittableRandom random;
    private final List<double[]> positives = new ArrayList<>();
    private final List<double[]> negatives = new ArrayList<>();

    /**
     * @param maxRegionsPerImage at most this many regions of each class kept per image (bounds memory and training
     *                           time; regions of different levels overlap heavily)
     */
    public DrfiTraining(DrfiConfig config, int maxRegionsPerImage, long seed) {
        this.config = config;
        this.maxRegionsPerImage = maxRegionsPerImage;
        this.random = new SplittableRandom(seed);
    }

    /** Adds one image's regions: supervised when {@code groundTruth} is present, pseudo-labelled otherwise. */
    public synchronized void add(RgbImage image, Optional<Mask> groundTruth) {
        DrfiAnalysis a = DrfiAnalysis.of(image, config);
        List<double[]> pos = new ArrayList<>();
        List<double[]> neg = new ArrayList<>();
        for (int l = 0; l < a.levels().size(); l++) {
            double[][] f = a.features().get(l);
            int[] labels = groundTruth.isPresent()
                    ? labelsFromMask(a.levels().get(l), groundTruth.get())
                    : PseudoLabels.label(f);
            for (int r = 0; r < f.length; r++) {
                if (labels[r] == 1) {
                    pos.add(f[r]);
                } else if (labels[r] == 0) {
                    neg.add(f[r]);
                }
            }
        }
        positives.addAll(sample(pos, maxRegionsPerImage));
        negatives.addAll(sample(neg, maxRegionsPerImage));
    }

    public synchronized int positives() {
        return positives.size();
    }

    public synchronized int negatives() {
        return negatives.size();
    }

    /** Balances the classes and trains the forest. */
    public synchronized RegressionForest train(int trees, int maxDepth, int mtry, long seed) {
        if (positives.isEmpty() || negatives.isEmpty()) {
            throw new IllegalStateException("cannot train DRFI: " + positives.size() + " foreground and "
                    + negatives.size() + " background regions (need both; add more or more varied images)");
        }
        int cap = (int) Math.ceil(1.2 * Math.min(positives.size(), negatives.size()));
        List<double[]> rows = new ArrayList<>();
        List<Double> targets = new ArrayList<>();
        for (double[] p : sample(positives, cap)) {
            rows.add(p);
            targets.add(1.0);
        }
        for (double[] n : sample(negatives, cap)) {
            rows.add(n);
            targets.add(0.0);
        }
        return ForestTrainer.train(rows, targets, trees, maxDepth, mtry, seed);
    }

    /** 1 / 0 / −1 (dropped) per region from the fraction of its pixels the mask marks foreground (> 0.5). */
    static int[] labelsFromMask(Segmentation seg, Mask mask) {
        if (mask.width() != seg.width() || mask.height() != seg.height()) {
            throw new IllegalArgumentException("mask is " + mask.width() + "x" + mask.height() + " but the image is "
                    + seg.width() + "x" + seg.height());
        }
        double[] fg = new double[seg.count()];
        int[] size = seg.sizes();
        int[] labels = seg.labels();
        float[] m = mask.data();
        for (int i = 0; i < labels.length; i++) {
            if (m[i] > 0.5f) {
                fg[labels[i]]++;
            }
        }
        int[] out = new int[seg.count()];
        for (int r = 0; r < out.length; r++) {
            double frac = fg[r] / size[r];
            out[r] = frac >= 0.75 ? 1 : frac <= 0.25 ? 0 : -1;
        }
        return out;
    }

    /** A seeded random subset of at most {@code max} items (all of them when fewer). */
    private List<double[]> sample(List<double[]> items, int max) {
        List<double[]> copy = new ArrayList<>(items);
        for (int i = copy.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            double[] t = copy.get(i);
            copy.set(i, copy.get(j));
            copy.set(j, t);
        }
        return copy.size() <= max ? copy : copy.subList(0, max);
    }
}
