package org.harl.core.eval;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.harl.core.config.ComponentBinder;
import org.harl.core.config.ComponentSpec;
import org.harl.core.config.DeviceSpec;
import org.harl.core.config.ConfigNode;
import org.harl.core.config.ConfigNode.MapNode;
import org.harl.core.config.ExperimentConfig;
import org.harl.core.config.Origin;
import org.harl.core.config.TreeOps;
import org.harl.core.data.EvalBatchLoader;
import org.harl.core.registry.PluginContexts;
import org.harl.core.registry.PluginRegistry;
import org.harl.core.run.RunDirectory;
import org.harl.core.train.TrainedEncoder;
import org.harl.spi.ComponentKind;
import org.harl.spi.PluginContext;
import org.harl.spi.augment.Augmentation;
import org.harl.spi.data.DatasetSource;
import org.harl.spi.data.Split;

/**
 * Evaluates a run's frozen encoder (its latest checkpoint) on the labelled splits of its dataset, or of the dataset
 * with {@code --dataset-set} overrides, through the evaluation view of its augmentation (no random augmentation).
 * Features are cached in the run directory; results are merged into its {@code summary.json}. The training
 * monitor's own {@code knn_top1} (on its bank/test subsets) is kept as {@code monitor_knn_top1}.
 */
@Singleton
public final class EncoderEvaluation {

    /** Feature extraction settings. */
    /**
     * @param datasetOverrides {@code key=value} changes to the run's dataset
     * @param batchSize        images per forward pass
     * @param workers          image loading threads
     * @param randomInit       evaluate freshly initialised weights instead of the checkpoint; results get the
     *                         prefix {@code random_init_}
     */
    public record Extraction(List<String> datasetOverrides, int batchSize, int workers, boolean randomInit,
                             Optional<DeviceSpec> device) {
        public Extraction {
            datasetOverrides = List.copyOf(datasetOverrides);
            if (batchSize < 1 || workers < 1) {
                throw new IllegalArgumentException("batch size and workers must be >= 1");
            }
            device = java.util.Objects.requireNonNull(device, "device");
        }

        /** On the run's own {@code training.device}. */
        public Extraction(List<String> datasetOverrides, int batchSize, int workers, boolean randomInit) {
            this(datasetOverrides, batchSize, workers, randomInit, Optional.empty());
        }

        public static Extraction defaults() {
            return new Extraction(List.of(), 256, 2, false);
        }
    }

    private final PluginRegistry registry;
    private final ComponentBinder components;
    private final PluginContexts contexts;

    @Inject
    public EncoderEvaluation(PluginRegistry registry, ComponentBinder components, PluginContexts contexts) {
        this.registry = registry;
        this.components = components;
        this.contexts = contexts;
    }

    /** Evaluates and merges the results into the run's summary.json (see {@link #record}). */
    public Map<String, Object> evaluate(Path runDir, RunEvaluation.Options options, Extraction extraction,
                                        PrintWriter log) throws Exception {
        return record(runDir, measure(runDir, options, extraction, log));
    }

    /** Evaluates without writing the summary; results of {@code randomInit} get the prefix {@code random_init_}. */
    public Map<String, Object> measure(Path runDir, RunEvaluation.Options options, Extraction extraction,
                                       PrintWriter log) throws Exception {
        return measure(runDir, options, extraction, log, new FeatureCache(runDir));
    }

    /** Like {@link #measure(Path, RunEvaluation.Options, Extraction, PrintWriter)} with the given feature cache. */
    public Map<String, Object> measure(Path runDir, RunEvaluation.Options options, Extraction extraction,
                                       PrintWriter log, FeatureCache cache) throws Exception {
        Extraction e = extraction;
        Map<String, Object> results;
        try (TrainedEncoder encoder = e.randomInit() ? TrainedEncoder.untrained(runDir, registry, e.device())
                : TrainedEncoder.load(runDir, registry, e.device())) {
            ExperimentConfig experiment = encoder.experiment();
            ComponentSpec dataset = datasetSpec(experiment, e.datasetOverrides(), runDir);
            PluginContext ctx = contexts.forExperiment(experiment, Optional.of(runDir));
            Augmentation augmentation = registry.create(experiment.augmentation(), ctx, Augmentation.class);
            try (DatasetSource source = registry.create(dataset, ctx, DatasetSource.class)) {
                log.printf("evaluating %s %s%n", runDir, e.randomInit() ? "with randomly initialised weights (seed "
                        + experiment.seed() + ")" : "at step " + encoder.step() + " (" + encoder.checkpoint() + ")");
                results = new RunEvaluation(KnnEvaluation::top1Top5, log)
                        .evaluate(featureSource(encoder, source, augmentation, dataset, experiment, e),
                                cache, options);
            }
        }
        if (e.randomInit()) {
            Map<String, Object> prefixed = new LinkedHashMap<>();
            results.forEach((k, v) -> prefixed.put("random_init_" + k, v));
            results = prefixed;
        }
        return results;
    }

    /** Merges results into summary.json, keeping the training monitor's kNN value under its own name. */
    static Map<String, Object> record(Path runDir, Map<String, Object> results) {
        RunDirectory run = new RunDirectory(runDir);
        Map<String, Object> before = run.summary();
        Map<String, Object> update = new LinkedHashMap<>();
        // knn_k is written only by this evaluation: a knn_top1 without it is the training monitor's
        if (results.containsKey("knn_top1") && before.containsKey("knn_top1") && !before.containsKey("knn_k")
                && !before.containsKey("monitor_knn_top1")) {
            update.put("monitor_knn_top1", before.get("knn_top1"));
        }
        update.putAll(results);
        run.mergeSummary(update);
        return results;
    }

    /** The run's dataset with {@code key=value} overrides applied (errors name the key). */
    public ComponentSpec datasetSpec(ExperimentConfig experiment, List<String> overrides, Path runDir) {
        if (overrides.isEmpty()) {
            return experiment.dataset();
        }
        MapNode node = (MapNode) ConfigNode.fromPlain(experiment.dataset().raw(), Origin.of("dataset of " + runDir));
        MapNode changed = TreeOps.applyOverrides(node, overrides);
        return components.bind(ComponentKind.DATASET, changed.toPlain(), experiment.source());
    }

    private static RunEvaluation.FeatureSource featureSource(TrainedEncoder encoder, DatasetSource source,
                                                             Augmentation augmentation, ComponentSpec dataset,
                                                             ExperimentConfig experiment, Extraction e) {
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("dataset", dataset.raw());
        key.put("augmentation", experiment.augmentation().raw()); // the evaluation view depends on it
        key.put("random_init", e.randomInit());
        return new RunEvaluation.FeatureSource() {
            @Override
            public long step() {
                return encoder.step();
            }

            @Override
            public Map<String, Object> datasetConfig() {
                return key;
            }

            @Override
            public FeatureSet extract(Split split, int limit) {
                EvalBatchLoader batches = new EvalBatchLoader(source, augmentation, split, limit, e.batchSize(),
                        e.workers());
                return FeatureSet.of(KnnFeatures.collect(batches, encoder::features));
            }
        };
    }
}
