package org.harl.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.util.LongAccumulator;
import org.harl.cli.spark.SparkSettings;
import org.harl.core.config.ComponentSpec;
import org.harl.core.config.ExperimentConfig;
import org.harl.core.eval.EncoderEvaluation;
import org.harl.core.eval.FeatureCache;
import org.harl.core.eval.FeatureSet;
import org.harl.core.eval.KnnFeatures;
import org.harl.core.jobs.ProgressListener;
import org.harl.core.registry.PluginContexts;
import org.harl.core.registry.PluginRegistry;
import org.harl.core.train.TrainedEncoder;
import org.harl.spi.data.DatasetSource;
import org.harl.spi.data.Split;

/**
 * {@code harl eval linear|knn --spark}: the features of both splits are extracted on the executors (ranges of whole
 * batches, one {@link FeatureTask} each) and stored in the run's feature cache, under the key the local evaluation
 * looks up; the probe then runs on the driver exactly as without Spark. A split already cached is not extracted.
 */
final class SparkFeatures {

    /** Ranges per task slot: a few, so that a slow or lost executor delays little. */
    static final int RANGES_PER_SLOT = 2;

    private SparkFeatures() {
    }

    static void extract(SparkSettings spark, Path runDir, EncoderEvaluation.Extraction extraction, int trainLimit,
                        int testLimit, Consumer<String> log) throws Exception {
        PluginRegistry registry = ExecutorHarl.get(PluginRegistry.class);
        long step;
        Map<String, Object> key = new LinkedHashMap<>();
        Map<Split, Long> counts = new LinkedHashMap<>();
        try (TrainedEncoder encoder = extraction.randomInit() ? TrainedEncoder.untrained(runDir, registry)
                : TrainedEncoder.load(runDir, registry)) {
            step = encoder.step();
            ExperimentConfig experiment = encoder.experiment();
            ComponentSpec dataset = ExecutorHarl.get(EncoderEvaluation.class).datasetSpec(experiment,
                    extraction.datasetOverrides(), runDir);
            // the local evaluation's cache key: the same features are found there, whoever extracted them
            key.put("dataset", dataset.raw());
            key.put("augmentation", experiment.augmentation().raw());
            key.put("random_init", extraction.randomInit());
            var ctx = ExecutorHarl.get(PluginContexts.class).forExperiment(experiment, Optional.of(runDir));
            try (DatasetSource source = registry.create(dataset, ctx, DatasetSource.class)) {
                counts.put(Split.TRAIN, count(source.size(Split.TRAIN), trainLimit));
                counts.put(Split.TEST, count(source.size(Split.TEST), testLimit));
            }
        }
        FeatureCache cache = new FeatureCache(runDir);
        Map<Split, Integer> limits = Map.of(Split.TRAIN, trainLimit, Split.TEST, testLimit);
        List<Split> missing = counts.keySet().stream()
                .filter(s -> !Files.isRegularFile(cache.file(step, key, s, limits.get(s)))).toList();
        if (missing.isEmpty()) {
            log.accept("spark: features of both splits are cached in " + runDir.resolve("eval"));
            return;
        }
        try (JavaSparkContext sc = SparkContexts.start(spark, "harl eval " + runDir.getFileName(), Map.of())) {
            for (Split split : missing) {
                FeatureSet set = extract(sc, runDir, extraction, split, counts.get(split), log);
                cache.getOrCompute(step, key, split, limits.get(split), () -> set);
            }
        }
    }

    private static long count(long size, int limit) {
        return limit == 0 ? size : Math.min(size, limit);
    }

    private static FeatureSet extract(JavaSparkContext sc, Path runDir, EncoderEvaluation.Extraction extraction,
                                      Split split, long count, Consumer<String> log) throws Exception {
        long batches = (count + extraction.batchSize() - 1) / extraction.batchSize();
        int slices = (int) Math.max(1, Math.min(batches, (long) sc.defaultParallelism() * RANGES_PER_SLOT));
        List<FeatureTask.Range> ranges = new ArrayList<>();
        for (int i = 0; i < slices; i++) {
            long first = batches * i / slices * extraction.batchSize();
            long end = Math.min(count, batches * (i + 1) / slices * extraction.batchSize());
            ranges.add(new FeatureTask.Range(first, end - first));
        }
        LongAccumulator done = sc.sc().longAccumulator("harl features " + split);
        String name = split.name().toLowerCase(java.util.Locale.ROOT);
        String what = name + " images";
        log.accept(String.format("spark: %s features of %d images in %d tasks", name, count, slices));
        JavaFutureAction<List<FeatureTask.Part>> job = sc.parallelize(ranges, slices)
                .map(new FeatureTask(runDir, extraction, split, done)).collectAsync();
        List<FeatureTask.Part> parts = new ArrayList<>(DriverProgress.await(sc, job, slices, count, done, what,
                ProgressListener.NONE, log));
        parts.sort(Comparator.comparingLong(FeatureTask.Part::first));
        float[][] rows = new float[(int) count][];
        int[] labels = new int[(int) count];
        int at = 0;
        for (FeatureTask.Part p : parts) {
            System.arraycopy(p.features(), 0, rows, at, p.features().length);
            System.arraycopy(p.labels(), 0, labels, at, p.labels().length);
            at += p.labels().length;
        }
        return FeatureSet.of(new KnnFeatures(rows, labels));
    }
}
