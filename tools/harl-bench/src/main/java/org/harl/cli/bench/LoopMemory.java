package org.harl.cli.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.harl.core.config.ComponentSpec;
import org.harl.core.config.ExperimentConfig;
import org.harl.core.data.PairBatchLoader;
import org.harl.core.masks.CachingMaskProposer;
import org.harl.core.registry.PluginContexts;
import org.harl.core.run.RunOptions;
import org.harl.core.train.StepListener;
import org.harl.core.train.TrainingLoop;
import org.harl.spi.PluginContext;
import org.harl.spi.augment.Augmentation;
import org.harl.spi.backbone.Backbone;
import org.harl.spi.data.DatasetSource;
import org.harl.spi.loss.SslLoss;
import org.harl.spi.mask.MaskProposer;

/**
 * The real training path for {@code harl bench memory --loop}: the experiment's dataset, augmentation workers, mask
 * proposer behind the run's mask cache, batch loader and {@link TrainingLoop} (optimizer, EMA, metrics rows,
 * checkpoints), as {@code harl run} builds them, without the kNN monitor and final probe (they run between epochs,
 * not per step) and without trackers; {@code listener} sees every step.
 */
final class LoopMemory {

    /** The default --loop experiment: HARL with DRFI masks on a tiny encoder, so 1000 steps take minutes. */
    static final String EXPERIMENT = """
            name: memory-loop
            seed: 0
            dataset: {type: synthetic_objects, image_size: 32, train_size: 2000, test_size: 16, classes: 10}
            backbone: {type: tiny_resnet, stem: small, widths: [8, 16, 32, 64], blocks_per_stage: 1}
            augmentation: {type: byol, size: 32, blur_p: [0.0, 0.0]}
            mask_proposer: {type: drfi}
            loss: harl
            training: {epochs: 9, batch_size: 16, workers: 2, prefetch: 4, threads: 2}
            heads: {projector_hidden: 64, projection_size: 32, predictor_hidden: 64}
            optimizer: {type: lars, base_lr: 1.0, warmup_epochs: 1}
            logging: [jsonl]
            """;

    private LoopMemory() {
    }

    /** Trains {@code experiment} to the end into {@code runsRoot}; returns the number of steps trained. */
    static long run(ExperimentConfig experiment, PluginContexts contexts, Path runsRoot, StepListener listener)
            throws Exception {
        var tc = experiment.training();
        if (tc.threads() > 0) {
            System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(tc.threads()));
        }
        RunOptions options = new RunOptions(runsRoot, false, null, true);
        PluginContext ctx = contexts.forExperiment(experiment, Optional.of(runsRoot.resolve(experiment.name())));
        Backbone backbone = contexts.create(experiment.backbone(), ctx, Backbone.class);
        SslLoss loss = contexts.create(experiment.loss(), ctx, SslLoss.class);
        Augmentation augmentation = contexts.create(experiment.augmentation(), ctx, Augmentation.class);
        MaskProposer masks = null;
        if (loss.needsMasks()) {
            ComponentSpec spec = experiment.maskProposer().orElseThrow(() -> new IllegalArgumentException(
                    "loss " + experiment.loss().type() + " needs a mask_proposer"));
            masks = CachingMaskProposer.forRun(spec.type(), spec.config(),
                    contexts.create(spec, ctx, MaskProposer.class), runsRoot.resolve(CachingMaskProposer.DIR_NAME),
                    4096);
        }
        try (DatasetSource dataset = contexts.create(experiment.dataset(), ctx, DatasetSource.class);
             MaskProposer closing = masks;
             PairBatchLoader data = new PairBatchLoader(dataset, Optional.ofNullable(masks), augmentation,
                     tc.batchSize(), tc.stepsPerEpoch(), experiment.seed(), tc.workers(), tc.prefetch())) {
            var result = new TrainingLoop(experiment, backbone, loss, data, augmentation.outputSize(), Optional.empty(),
                    List.of()).addListener(listener).run(options);
            return ((Number) result.summary().get("steps")).longValue();
        }
    }
}
