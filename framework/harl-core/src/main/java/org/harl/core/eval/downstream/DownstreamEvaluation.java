package org.harl.core.eval.downstream;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.harl.core.config.ComponentSpec;
import org.harl.core.config.ExperimentConfig;
import org.harl.core.eval.EncoderEvaluation;
import org.harl.core.eval.EncoderEvaluation.Extraction;
import org.harl.core.registry.PluginContexts;
import org.harl.core.registry.PluginRegistry;
import org.harl.core.run.RunDirectory;
import org.harl.core.train.TrainedEncoder;
import org.harl.spi.PluginContext;
import org.harl.spi.augment.Augmentation;
import org.harl.spi.data.DatasetSource;
import org.harl.spi.data.Split;

/**
 * The downstream evaluations of a run's encoder (its latest checkpoint, or with {@code randomInit} the same
 * architecture freshly initialised with the run's seed): semi-supervised fine-tuning, semantic segmentation and
 * single-object detection on the labelled splits of its dataset, seen through the evaluation view. Results are
 * merged into the run's {@code summary.json} under the keys documented on each method ({@code random_init_}
 * prefixed for the untrained encoder). Every random choice (label subsets, batch order) derives from the run's seed.
 */
@Singleton
public final class DownstreamEvaluation {

    /** Summary keys. */
    public static final String SEG_MIOU = "seg_miou";
    public static final String SEG_PIXEL_ACCURACY = "seg_pixel_accuracy";
    public static final String DET_AP50 = "det_ap50";

    /** Semi-supervised settings: label fractions, then fine-tuning and scoring. */
    public record SemiOptions(List<Double> fractions, int epochs, double lr, int batchSize, int testLimit) {
        public SemiOptions {
            fractions = List.copyOf(fractions);
            if (fractions.isEmpty() || fractions.stream().anyMatch(f -> !(f > 0 && f <= 1))) {
                throw new IllegalArgumentException("label fractions must be in (0, 1], got " + fractions);
            }
            if (epochs < 1 || !(lr > 0) || batchSize < 1 || testLimit < 0) {
                throw new IllegalArgumentException("epochs and batch size must be >= 1, lr > 0, test limit >= 0");
            }
        }

        public static SemiOptions defaults() {
            return new SemiOptions(List.of(0.01, 0.1), 30, 0.05, 64, 0);
        }
    }

    /** Settings of a light head on frozen features (segmentation, detection). */
    public record HeadOptions(int epochs, double lr, int batchSize, int trainLimit, int testLimit) {
        public HeadOptions {
            if (epochs < 1 || !(lr > 0) || batchSize < 1 || trainLimit < 0 || testLimit < 0) {
                throw new IllegalArgumentException("epochs and batch size must be >= 1, lr > 0, limits >= 0");
            }
        }

        public static HeadOptions segmentationDefaults() {
            return new HeadOptions(10, 0.01, 128, 0, 0);
        }

        public static HeadOptions detectionDefaults() {
            return new HeadOptions(30, 0.001, 128, 0, 0);
        }
    }

    private final PluginRegistry registry;
    private final PluginContexts contexts;
    private final EncoderEvaluation encoderEvaluation;

    @Inject
    public DownstreamEvaluation(PluginRegistry registry, PluginContexts contexts,
                                EncoderEvaluation encoderEvaluation) {
        this.registry = registry;
        this.contexts = contexts;
        this.encoderEvaluation = encoderEvaluation;
    }

    /** The summary key of a label fraction's top-1: 0.01 gives {@code semi_1pct_top1}, 0.005 {@code semi_0_5pct_top1}. */
    public static String semiKey(double fraction) {
        String pct = BigDecimal.valueOf(fraction).movePointRight(2).stripTrailingZeros().toPlainString()
                .replace('.', '_');
        return "semi_" + pct + "pct_top1";
    }

    /** Keys {@link #semiKey} per fraction, {@code semi_<p>pct_labels} (labelled images) and {@code semi_epochs}. */
    public Map<String, Object> semi(Path runDir, SemiOptions o, Extraction e, PrintWriter log) throws Exception {
        Map<String, Object> out = new LinkedHashMap<>();
        for (double fraction : o.fractions()) {
            // a fresh encoder per fraction: fine-tuning changes its weights
            withRun(runDir, e, log, (encoder, experiment, source, views) -> {
                long trainSize = source.size(Split.TRAIN);
                int testSize = (int) (o.testLimit() == 0 ? source.size(Split.TEST)
                        : Math.min(o.testLimit(), source.size(Split.TEST)));
                int[] subset = BalancedSubset.select(views.labels(Split.TRAIN, (int) trainSize), fraction,
                        experiment.seed());
                ViewBatches.Batch labelled = views.load(Split.TRAIN, subset, false);
                long t = System.nanoTime();
                double top1 = SemiSupervised.fineTuneAndScore(encoder, labelled, views, testSize,
                        source.classNames().size(), new SemiSupervised.Options(o.epochs(), (float) o.lr(),
                                o.batchSize(), experiment.seed()));
                String key = semiKey(fraction);
                out.put(key, top1);
                out.put(key.replace("_top1", "_labels"), subset.length);
                log.printf("semi-supervised %s %% labels (%d images, %d epochs): top-1 %.2f %% on %d test images "
                        + "(%.1f s)%n", BigDecimal.valueOf(fraction * 100).stripTrailingZeros().toPlainString(),
                        subset.length, o.epochs(), 100 * top1, testSize, (System.nanoTime() - t) / 1e9);
            });
        }
        out.put("semi_epochs", o.epochs());
        return record(runDir, out, e);
    }

    /** Keys {@code seg_miou} (classes + background) and {@code seg_pixel_accuracy}. */
    public Map<String, Object> segment(Path runDir, HeadOptions o, Extraction e, PrintWriter log) throws Exception {
        Map<String, Object> out = new LinkedHashMap<>();
        withRun(runDir, e, log, (encoder, experiment, source, views) -> {
            DenseSplit[] splits = dense(encoder, source, views, o, e, log);
            long t = System.nanoTime();
            ConfusionMatrix m = SegmentationProbe.fitAndScore(encoder.manager(), splits[0], splits[1],
                    source.classNames().size(), new SegmentationProbe.Options(o.epochs(), (float) o.lr(),
                            o.batchSize(), experiment.seed()));
            out.put(SEG_MIOU, m.meanIou());
            out.put(SEG_PIXEL_ACCURACY, m.pixelAccuracy());
            log.printf("segmentation (1x1 conv on C5, %d epochs): mIoU %.2f %% over %d classes + background, "
                    + "pixel accuracy %.2f %% (%.1f s)%n", o.epochs(), 100 * m.meanIou(), m.classes() - 1,
                    100 * m.pixelAccuracy(), (System.nanoTime() - t) / 1e9);
        });
        return record(runDir, out, e);
    }

    /** Key {@code det_ap50}. */
    public Map<String, Object> detect(Path runDir, HeadOptions o, Extraction e, PrintWriter log) throws Exception {
        Map<String, Object> out = new LinkedHashMap<>();
        withRun(runDir, e, log, (encoder, experiment, source, views) -> {
            DenseSplit[] splits = dense(encoder, source, views, o, e, log);
            long t = System.nanoTime();
            int classes = source.classNames().size();
            double ap = AveragePrecision.mean(DetectionProbe.fitAndPredict(encoder.manager(), splits[0], splits[1],
                    classes, new DetectionProbe.Options(o.epochs(), (float) o.lr(), o.batchSize(),
                            experiment.seed())), classes);
            out.put(DET_AP50, ap);
            log.printf("detection (linear on C5, %d epochs): AP50 %.2f over %d test images (%.1f s)%n", o.epochs(),
                    100 * ap, splits[1].size(), (System.nanoTime() - t) / 1e9);
        });
        return record(runDir, out, e);
    }

    private static DenseSplit[] dense(TrainedEncoder encoder, DatasetSource source, ViewBatches views,
                                      HeadOptions o, Extraction e, PrintWriter log) {
        long t = System.nanoTime();
        DenseSplit train = DenseSplit.extract(encoder, views, source.size(Split.TRAIN), Split.TRAIN, o.trainLimit(),
                e.batchSize());
        DenseSplit test = DenseSplit.extract(encoder, views, source.size(Split.TEST), Split.TEST, o.testLimit(),
                e.batchSize());
        log.printf("C5 maps: %d train, %d test, %d x %d x %d (%.1f s)%n", train.size(), test.size(),
                train.channels(), train.grid(), train.grid(), (System.nanoTime() - t) / 1e9);
        return new DenseSplit[] {train, test};
    }

    private static Map<String, Object> record(Path runDir, Map<String, Object> results, Extraction e) {
        Map<String, Object> out = new LinkedHashMap<>();
        results.forEach((k, v) -> out.put(e.randomInit() ? "random_init_" + k : k, v));
        new RunDirectory(runDir).mergeSummary(out);
        return out;
    }

    @FunctionalInterface
    private interface Task {
        void run(TrainedEncoder encoder, ExperimentConfig experiment, DatasetSource source, ViewBatches views)
                throws Exception;
    }

    private void withRun(Path runDir, Extraction e, PrintWriter log, Task task) throws Exception {
        try (TrainedEncoder encoder = e.randomInit() ? TrainedEncoder.untrained(runDir, registry, e.device())
                : TrainedEncoder.load(runDir, registry, e.device())) {
            ExperimentConfig experiment = encoder.experiment();
            ComponentSpec dataset = encoderEvaluation.datasetSpec(experiment, e.datasetOverrides(), runDir);
            PluginContext ctx = contexts.forExperiment(experiment, Optional.of(runDir));
            Augmentation augmentation = registry.create(experiment.augmentation(), ctx, Augmentation.class);
            try (DatasetSource source = registry.create(dataset, ctx, DatasetSource.class);
                 ViewBatches views = new ViewBatches(source, augmentation, e.workers())) {
                log.printf("evaluating %s %s%n", runDir, e.randomInit() ? "with randomly initialised weights (seed "
                        + experiment.seed() + ")" : "at step " + encoder.step() + " (" + encoder.checkpoint() + ")");
                task.run(encoder, experiment, source, views);
                log.flush();
            }
        }
    }
}
