package org.harl.core.train;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.harl.core.config.ComponentSpec;
import org.harl.core.config.ExperimentConfig;
import org.harl.core.config.TrainingConfig;
import org.harl.core.data.EvalBatch;
import org.harl.core.data.EvalBatchLoader;
import org.harl.core.data.PairBatchLoader;
import org.harl.core.masks.CachingMaskProposer;
import org.harl.core.registry.PluginContexts;
import org.harl.core.run.ExperimentRunner;
import org.harl.core.run.RunDirectory;
import org.harl.core.run.RunOptions;
import org.harl.core.run.RunResult;
import org.harl.spi.PluginContext;
import org.harl.spi.augment.Augmentation;
import org.harl.spi.backbone.Backbone;
import org.harl.spi.data.DatasetSource;
import org.harl.spi.data.Split;
import org.harl.spi.loss.SslLoss;
import org.harl.spi.mask.MaskProposer;
import org.harl.spi.track.Tracker;

/**
 * The training engine behind {@code harl run}: builds the experiment's components through the plugin registry
 * (dataset, augmentation, mask proposer behind a mask cache, backbone, loss, trackers), the deterministic batch
 * loaders, and runs the {@link TrainingLoop}.
 */
@Singleton
public final class Pretrainer implements ExperimentRunner {

    /** Masks kept in memory by the proposer cache (the disk cache holds the rest). */
    private static final int MASK_MEMORY_ENTRIES = 4096;

    private final PluginContexts contexts;

    @Inject
    public Pretrainer(PluginContexts contexts) {
        this.contexts = contexts;
    }

    @Override
    public RunResult run(ExperimentConfig experiment, RunOptions options) throws Exception {
        TrainingConfig tc = experiment.training();
        if (tc.threads() > 0) {
            // read once when the PyTorch engine starts; effective when this is the first use of the engine
            System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(tc.threads()));
        }
        Path runDir = RunDirectory.of(experiment, options).path();
        PluginContext ctx = contexts.forExperiment(experiment, Optional.of(runDir));
        Backbone backbone = contexts.create(experiment.backbone(), ctx, Backbone.class);
        SslLoss loss = contexts.create(experiment.loss(), ctx, SslLoss.class);
        Augmentation augmentation = contexts.create(experiment.augmentation(), ctx, Augmentation.class);
        List<Tracker> trackers = new ArrayList<>();
        for (ComponentSpec spec : experiment.logging()) {
            trackers.add(contexts.create(spec, ctx, Tracker.class));
        }
        try (DatasetSource dataset = contexts.create(experiment.dataset(), ctx, DatasetSource.class);
             MaskProposer masks = loss.needsMasks() ? proposer(experiment, ctx, options) : null;
             PairBatchLoader data = new PairBatchLoader(dataset, Optional.ofNullable(masks), augmentation,
                     tc.batchSize(), tc.stepsPerEpoch(), experiment.seed(), tc.workers(), tc.prefetch())) {
            Optional<KnnData> knn = knnData(experiment, dataset, augmentation);
            if (knn.isEmpty() && !options.quiet()) {
                System.out.println("kNN monitor off: the dataset has no labelled TEST split");
            }
            return new TrainingLoop(experiment, backbone, loss, data, augmentation.outputSize(), knn, trackers)
                    .run(options);
        }
    }

    private MaskProposer proposer(ExperimentConfig experiment, PluginContext ctx, RunOptions options) {
        ComponentSpec spec = experiment.maskProposer().orElseThrow(() -> new IllegalArgumentException(
                "loss '" + experiment.loss().type() + "' pools with object masks: the experiment needs a "
                        + "mask_proposer section (e.g. type: ground_truth for datasets with exact masks)"));
        MaskProposer inner = contexts.create(spec, ctx, MaskProposer.class);
        if (spec.type().equals("ground_truth")) {
            return inner; // exact masks cost nothing to recompute
        }
        return new CachingMaskProposer(inner, CachingMaskProposer.configKey(spec.type(), spec.config()),
                options.runsRoot().resolve("mask-cache"), MASK_MEMORY_ENTRIES);
    }

    private static Optional<KnnData> knnData(ExperimentConfig experiment, DatasetSource dataset,
                                             Augmentation augmentation) {
        if (dataset.size(Split.TEST) == 0 || dataset.size(Split.TRAIN) == 0 || dataset.classNames().isEmpty()) {
            return Optional.empty();
        }
        var mc = experiment.monitor();
        int batch = Math.max(64, experiment.training().batchSize());
        int workers = experiment.training().workers();
        EvalBatchLoader bank = new EvalBatchLoader(dataset, augmentation, Split.TRAIN, mc.bankSize(), batch, workers);
        EvalBatchLoader test = new EvalBatchLoader(dataset, augmentation, Split.TEST, mc.testSize(), batch, workers);
        return Optional.of(new KnnData(bank, test, dataset.classNames().size()));
    }
}
