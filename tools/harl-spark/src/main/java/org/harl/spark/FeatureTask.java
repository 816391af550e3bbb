package org.harl.spark;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Optional;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.util.LongAccumulator;
import org.harl.core.config.ComponentSpec;
import org.harl.core.config.ExperimentConfig;
import org.harl.core.data.EvalBatchLoader;
import org.harl.core.eval.EncoderEvaluation;
import org.harl.core.eval.KnnFeatures;
import org.harl.core.registry.PluginContexts;
import org.harl.core.registry.PluginRegistry;
import org.harl.core.train.TrainedEncoder;
import org.harl.spi.PluginContext;
import org.harl.spi.augment.Augmentation;
import org.harl.spi.data.DatasetSource;
import org.harl.spi.data.Split;

/**
 * Frozen-encoder features of one range of a split on an executor, with the same pieces as the local evaluation
 * (the run's latest checkpoint or its seeded initialisation, the augmentation's evaluation view, the dataset with its
 * overrides). Ranges start on batch boundaries, so each forward pass sees the batch the local path would.
 */
final class FeatureTask implements Function<FeatureTask.Range, FeatureTask.Part> {

    private static final long serialVersionUID = 1L;

    /** Samples {@code [first, first + count)} of the split. */
    record Range(long first, long count) implements Serializable {
    }

    /** The range's features (one row per sample) and labels. */
    record Part(long first, float[][] features, int[] labels) implements Serializable {
    }

    private final String runDir;
    private final ArrayList<String> datasetOverrides;
    private final int batchSize;
    private final int workers;
    private final boolean randomInit;
    private final Split split;
    private final LongAccumulator images;

    FeatureTask(Path runDir, EncoderEvaluation.Extraction extraction, Split split, LongAccumulator images) {
        this.runDir = runDir.toAbsolutePath().normalize().toString();
        this.datasetOverrides = new ArrayList<>(extraction.datasetOverrides());
        this.batchSize = extraction.batchSize();
        this.workers = extraction.workers();
        this.randomInit = extraction.randomInit();
        this.split = split;
        this.images = images;
    }

    @Override
    public Part call(Range range) throws Exception {
        TaskThreads.prepare();
        Path run = Path.of(runDir);
        PluginRegistry registry = ExecutorHarl.get(PluginRegistry.class);
        try (TrainedEncoder encoder = randomInit ? TrainedEncoder.untrained(run, registry)
                : TrainedEncoder.load(run, registry)) {
            ExperimentConfig experiment = encoder.experiment();
            ComponentSpec dataset = ExecutorHarl.get(EncoderEvaluation.class).datasetSpec(experiment,
                    datasetOverrides, run);
            PluginContext ctx = ExecutorHarl.get(PluginContexts.class).forExperiment(experiment, Optional.of(run));
            Augmentation augmentation = registry.create(experiment.augmentation(), ctx, Augmentation.class);
            try (DatasetSource source = registry.create(dataset, ctx, DatasetSource.class)) {
                DatasetSource window = new WindowedDataset(source, split, range.first(), range.count());
                KnnFeatures f = KnnFeatures.collect(new EvalBatchLoader(window, augmentation, split, 0, batchSize,
                        workers), encoder::features);
                images.add(range.count());
                return new Part(range.first(), f.features(), f.labels());
            }
        }
    }
}
