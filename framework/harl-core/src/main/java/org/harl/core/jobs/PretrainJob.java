package org.harl.core.jobs;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.harl.core.config.ComponentSpec;
import org.harl.core.config.ExperimentConfig;
import org.harl.core.config.TrainingConfig;
import org.harl.core.data.EvalBatch;
import org.harl.core.data.EvalBatchLoader;
import org.harl.core.data.PairBatchLoader;
import org.harl.core.eval.FinalProbe;
import org.harl.core.eval.KnnMonitor;
import org.harl.core.masks.CachingMaskProposer;
import org.harl.core.registry.PluginContexts;
import org.harl.core.run.ExperimentRunner;
import org.harl.core.run.RunDirectory;
import org.harl.core.run.RunOptions;
import org.harl.core.run.RunResult;
import org.harl.core.train.Devices;
import org.harl.core.train.TrainingLoop;
import org.harl.core.train.TrainingMonitor;
import org.harl.spi.PluginContext;
import org.harl.spi.augment.Augmentation;
import org.harl.spi.backbone.Backbone;
import org.harl.spi.data.DatasetSource;
import org.harl.spi.data.Split;
import org.harl.spi.loss.SslLoss;
import org.harl.spi.mask.MaskProposer;
import org.harl.spi.track.Tracker;

/**
 * The pretraining job behind {@code harl run} and each sweep run: builds the experiment's components through the
 * plugin registry (dataset, augmentation, mask proposer behind a mask cache, backbone, loss, trackers), the
 * deterministic batch loaders and the kNN monitor, runs the {@link TrainingLoop}, then the {@link FinalProbe} of the
 * trained against the untrained encoder.
 */
@Singleton
public final class PretrainJob implements ExperimentRunner {

    /** Masks kept in memory by the proposer cache (the disk cache holds the rest). */
    private static final int MASK_MEMORY_ENTRIES = 4096;

    private final PluginContexts contexts;
    private final FinalProbe probe;

    @Inject
    public PretrainJob(PluginContexts contexts, FinalProbe probe) {
        this.contexts = contexts;
        this.probe = probe;
    }

    @Override
    public RunResult run(ExperimentConfig experiment, RunOptions options) throws Exception {
        TrainingConfig tc = experiment.training();
        if (tc.threads() > 0) {
            // read once when the PyTorch engine starts; effective when this is the first use of the engine
            System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(tc.threads()));
        }
        Devices.forTraining(tc); // a missing GPU fails now, not after the data and masks are prepared
        RunDirectory run = RunDirectory.of(experiment, options);
        Path runDir = run.path();
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
            Optional<TrainingMonitor> knn = knnMonitor(experiment, dataset, augmentation);
            if (knn.isEmpty() && !options.quiet()) {
                System.out.println("kNN monitor off: the dataset has no labelled TEST split");
            }
            RunResult trained = new TrainingLoop(experiment, backbone, loss, data, augmentation.outputSize(), knn,
                    trackers).run(options);
            if (!trained.completed() || knn.isEmpty() || !experiment.monitor().finalProbe()) {
                return trained;
            }
            Map<String, Object> scores = probe.score(runDir, experiment.monitor(), tc.workers());
            Map<String, Object> summary = new LinkedHashMap<>(trained.summary());
            summary.putAll(scores);
            run.mergeSummary(scores);
            return new RunResult(trained.directory(), true, summary);
        }
    }

    private MaskProposer proposer(ExperimentConfig experiment, PluginContext ctx, RunOptions options) {
        ComponentSpec spec = experiment.maskProposer().orElseThrow(() -> new IllegalArgumentException(
                "loss '" + experiment.loss().type() + "' pools with object masks: the experiment needs a "
                        + "mask_proposer section (e.g. type: ground_truth for datasets with exact masks)"));
        MaskProposer inner = contexts.create(spec, ctx, MaskProposer.class);
        return CachingMaskProposer.forRun(spec.type(), spec.config(), inner,
                options.runsRoot().resolve(CachingMaskProposer.DIR_NAME), MASK_MEMORY_ENTRIES);
    }

    private static Optional<TrainingMonitor> knnMonitor(ExperimentConfig experiment, DatasetSource dataset,
                                                        Augmentation augmentation) {
        if (dataset.size(Split.TEST) == 0 || dataset.size(Split.TRAIN) == 0 || dataset.classNames().isEmpty()) {
            return Optional.empty();
        }
        var mc = experiment.monitor();
        int batch = Math.max(64, experiment.training().batchSize());
        int workers = experiment.training().workers();
        EvalBatchLoader bank = new EvalBatchLoader(dataset, augmentation, Split.TRAIN, mc.bankSize(), batch, workers);
        EvalBatchLoader test = new EvalBatchLoader(dataset, augmentation, Split.TEST, mc.testSize(), batch, workers);
        return Optional.of(new KnnMonitor(bank, test, dataset.classNames().size(), mc.k(), mc.temperature()));
    }
}
