package org.harl.plugins.masks;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.harl.spi.data.Mask;
import org.harl.spi.data.RgbImage;

/**
 * Collects labelled regions for DRFI's forest and trains it. Label-free: regions get pseudo-labels from unsupervised
 * priors, keeping only confident extremes (see {@link PseudoLabels}); a self-training round instead labels them from
 * the previous forest's own binarised map ({@link #addSelfLabelled}). Supervised (oracle only): regions of images with
 * an exact mask are labelled as drfi_matlab does (1 if ≥ 75% foreground, 0 if ≥ 75% background, else dropped); such
 * images are counted ({@link #supervisedImages()}) so the model's provenance cannot hide them. Classes are balanced
 * to at most 1.2:1 before training, as in DRFI's {@code balanceData.m}.
 */
public final class DrfiTraining {

    private final DrfiConfig config;
    private final int maxRegionsPerImage;
    private final long seed;
    /** Kept rows per image key: training iterates keys in order, so thread scheduling cannot change the forest. */
    private final java.util.TreeMap<Long, List<double[]>> positives = new java.util.TreeMap<>();
    private final java.util.TreeMap<Long, List<double[]>> negatives = new java.util.TreeMap<>();
    private int supervisedImages;

    /**
     * @param maxRegionsPerImage at most this many regions of each class kept per image (bounds memory and training
     *                           time; regions of different levels overlap heavily)
     */
    public DrfiTraining(DrfiConfig config, int maxRegionsPerImage, long seed) {
        this.config = config;
        this.maxRegionsPerImage = maxRegionsPerImage;
        this.seed = seed;
    }

    /**
     * Adds one image's regions: supervised when {@code groundTruth} is present, pseudo-labelled otherwise. Thread-safe;
     * {@code key} (unique per image, e.g. its index) orders the images and seeds the per-image region sampling.
     */
    public void add(long key, RgbImage image, Optional<Mask> groundTruth) {
        DrfiAnalysis a = DrfiAnalysis.of(image, config);
        keep(key, a, groundTruth.orElse(null), groundTruth.isPresent());
    }

    /**
     * Adds one image's regions labelled by {@code previous}'s binarised saliency map (adaptive threshold and small
     * component removal as the proposer does, then the 75% rule): a self-training round, label-free when
     * {@code previous} is. Thread-safe, like {@link #add}.
     */
    public void addSelfLabelled(long key, RgbImage image, RegressionForest previous) {
        DrfiAnalysis a = DrfiAnalysis.of(image, config);
        float[] map = DrfiSaliency.map(a, previous, image.pixels());
        Mask own = Binarization.binarize(map, image.width(), image.height(), config.maxThreshold(),
                config.minComponentFraction());
        keep(key, a, own, false);
    }

    /** Labels every level's regions from {@code mask} (or from priors when null) and keeps a sample of each class. */
    private void keep(long key, DrfiAnalysis a, Mask mask, boolean exact) {
        List<double[]> pos = new ArrayList<>();
        List<double[]> neg = new ArrayList<>();
        for (int l = 0; l < a.levels().size(); l++) {
            double[][] f = a.features().get(l);
            int[] labels = mask != null ? labelsFromMask(a.levels().get(l), mask) : PseudoLabels.label(f);
            for (int r = 0; r < f.length; r++) {
                if (labels[r] == 1) {
                    pos.add(f[r]);
                } else if (labels[r] == 0) {
                    neg.add(f[r]);
                }
            }
        }
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + key);
        List<double[]> keptPos = sample(pos, maxRegionsPerImage, random);
        List<double[]> keptNeg = sample(neg, maxRegionsPerImage, random);
        synchronized (this) {
            if (positives.containsKey(key)) {
                throw new IllegalArgumentException("image key " + key + " added twice");
            }
            positives.put(key, keptPos);
            negatives.put(key, keptNeg);
            supervisedImages += exact ? 1 : 0;
        }
    }

    /** Images whose regions were labelled from exact masks (0 for a label-free forest). */
    public synchronized int supervisedImages() {
        return supervisedImages;
    }

    /** Images added so far. */
    public synchronized int images() {
        return positives.size();
    }

    public synchronized int positives() {
        return positives.values().stream().mapToInt(List::size).sum();
    }

    public synchronized int negatives() {
        return negatives.values().stream().mapToInt(List::size).sum();
    }

    /** Balances the classes and trains the forest. */
    public synchronized RegressionForest train(int trees, int maxDepth, int mtry, long seed) {
        List<double[]> pos = positives.values().stream().flatMap(List::stream).toList();
        List<double[]> neg = negatives.values().stream().flatMap(List::stream).toList();
        if (pos.isEmpty() || neg.isEmpty()) {
            throw new IllegalStateException("cannot train DRFI: " + pos.size() + " foreground and "
                    + neg.size() + " background regions (need both; add more or more varied images)");
        }
        SplittableRandom random = new SplittableRandom(seed);
        int cap = (int) Math.ceil(1.2 * Math.min(pos.size(), neg.size()));
        List<double[]> rows = new ArrayList<>();
        List<Double> targets = new ArrayList<>();
        for (double[] p : sample(pos, cap, random)) {
            rows.add(p);
            targets.add(1.0);
        }
        for (double[] n : sample(neg, cap, random)) {
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
    private static List<double[]> sample(List<double[]> items, int max, SplittableRandom random) {
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
