package org.harl.plugins.deepmasks;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.harl.spi.data.Mask;
import org.harl.spi.data.Sample;
import org.harl.spi.mask.MaskProposer;

/**
 * MaskContrast-style saliency head training on a frozen encoder: C5 features once; target masks from another
 * proposer area-averaged to the feature grid; a balanced-BCE fit; optional self-training rounds that replace the
 * targets by the head's own post-processed masks and refit.
 */
public final class SaliencyHeadTraining {

    /**
     * @param steps        full-batch Adam steps per fit
     * @param learningRate Adam learning rate
     * @param rounds       self-training rounds after the first fit (0 = none)
     * @param threshold    probability threshold of the masks used as self-training labels
     * @param minComponent components below this area fraction are dropped from those labels
     */
    public record Settings(int steps, float learningRate, int rounds, double threshold, double minComponent) {
        public Settings {
            if (steps < 1 || !(learningRate > 0) || rounds < 0 || !(threshold > 0 && threshold < 1)
                    || !(minComponent >= 0 && minComponent < 1)) {
                throw new IllegalArgumentException("invalid saliency head training settings: " + steps + " steps, lr "
                        + learningRate + ", " + rounds + " rounds, threshold " + threshold + ", min component "
                        + minComponent);
            }
        }

        public static Settings defaults() {
            return new Settings(300, 0.05f, 0, 0.5, 0.01);
        }
    }

    /** The head, the final loss of each fit (first fit + rounds) and the initial targets' foreground fraction. */
    public record Outcome(SaliencyHead head, List<Float> fitLosses, double targetForeground, int gridWidth,
            int gridHeight) {
    }

    private final EncoderGrid grid;
    private final Settings settings;
    private final Consumer<String> log;

    public SaliencyHeadTraining(EncoderGrid grid, Settings settings, Consumer<String> log) {
        this.grid = grid;
        this.settings = settings;
        this.log = log == null ? s -> { } : log;
    }

    public Outcome train(List<Sample> samples, MaskProposer targets) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("no training images for the saliency head");
        }
        log.accept("encoding " + samples.size() + " images");
        List<EncoderGrid.Features> features = grid.features(samples.stream().map(Sample::image).toList());
        EncoderGrid.Features first = features.get(0);
        int gw = first.width();
        int gh = first.height();
        int cells = gw * gh;
        int channels = first.channels();
        float[] rows = new float[samples.size() * cells * channels]; // (M, C), one row per image cell
        for (int k = 0; k < features.size(); k++) {
            float[] f = features.get(k).data();
            for (int c = 0; c < channels; c++) {
                for (int i = 0; i < cells; i++) {
                    rows[((k * cells) + i) * channels + c] = f[c * cells + i];
                }
            }
        }
        log.accept("target masks from " + samples.size() + " images");
        AtomicInteger done = new AtomicInteger();
        List<Mask> masks = samples.parallelStream().map(s -> {
            Mask m = targets.propose(s);
            int n = done.incrementAndGet();
            if (n % Math.max(1, samples.size() / 10) == 0) {
                log.accept("  targets " + n + "/" + samples.size());
            }
            return m;
        }).toList();
        double foreground = masks.stream().mapToDouble(Mask::foregroundFraction).average().orElse(0);
        float[] y = gridTargets(masks, gw, gh);
        List<Float> losses = new ArrayList<>();
        SaliencyHead head = null;
        for (int round = 0; round <= settings.rounds(); round++) {
            try (NDManager m = NDManager.newBaseManager()) {
                SaliencyHeadTrainer.Result r = new SaliencyHeadTrainer(settings.steps(), settings.learningRate())
                        .fit(m.create(rows, new Shape((long) samples.size() * cells, channels)), m.create(y), null);
                head = r.head();
                losses.add(r.finalLoss());
                log.accept((round == 0 ? "fit" : "self-training round " + round) + ": balanced BCE "
                        + r.losses().get(0) + " -> " + r.finalLoss());
            }
            if (round < settings.rounds()) {
                List<Mask> own = new ArrayList<>(samples.size());
                for (int k = 0; k < samples.size(); k++) {
                    Sample s = samples.get(k);
                    own.add(SaliencyHead.toMask(head.logits(features.get(k)), gw, gh, s.image().width(),
                            s.image().height(), settings.threshold(), settings.minComponent(), false));
                }
                y = gridTargets(own, gw, gh);
            }
        }
        return new Outcome(head, losses, foreground, gw, gh);
    }

    private static float[] gridTargets(List<Mask> masks, int gw, int gh) {
        float[] y = new float[masks.size() * gw * gh];
        for (int k = 0; k < masks.size(); k++) {
            System.arraycopy(GridTargets.areaAverage(masks.get(k), gw, gh), 0, y, k * gw * gh, gw * gh);
        }
        return y;
    }
}
