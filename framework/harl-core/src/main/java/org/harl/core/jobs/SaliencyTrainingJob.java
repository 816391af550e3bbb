package org.harl.core.jobs;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.Consumer;
import org.harl.core.config.ComponentBinder;
import org.harl.core.config.ComponentSpec;
import org.harl.core.config.ExperimentConfig;
import org.harl.core.config.ExperimentLoader;
import org.harl.core.config.ResolvedConfig;
import org.harl.core.registry.PluginContexts;
import org.harl.spi.ComponentKind;
import org.harl.spi.PluginContext;
import org.harl.spi.data.DatasetSource;
import org.harl.spi.data.Sample;
import org.harl.spi.data.Split;
import org.harl.spi.encoder.FeatureStage;
import org.harl.spi.mask.MaskModelTrainer;
import org.harl.spi.mask.MaskProposer;

/**
 * Trains a learned mask proposer (by default the {@code saliency_head}) on a run's frozen encoder against the masks
 * of another proposer, over the first images of the run's own dataset's train split. The model-specific training is
 * the {@link MaskModelTrainer} a plugin provides for that proposer.
 */
@Singleton
public final class SaliencyTrainingJob {

    /**
     * @param runDir         run directory of the trained encoder
     * @param model          the proposer whose weights are trained ({@code saliency_head})
     * @param targets        the proposer whose masks the model learns
     * @param targetSettings its {@code KEY=VALUE} settings
     * @param images         training images: the first N of the run dataset's train split
     * @param out            the weights file (default: the trainer's file name in {@code runDir})
     * @param baseDir        folder that relative paths in target settings resolve against
     * @param featureStage   the encoder's feature map the model sits on
     */
    public record Request(Path runDir, String model, String targets, List<String> targetSettings, int images,
            int steps, float learningRate, int rounds, Optional<Path> out, Path baseDir, FeatureStage featureStage) {
        /** On the encoder's C5 map. */
        public Request(Path runDir, String model, String targets, List<String> targetSettings, int images,
                int steps, float learningRate, int rounds, Optional<Path> out, Path baseDir) {
            this(runDir, model, targets, targetSettings, images, steps, learningRate, rounds, out, baseDir,
                    FeatureStage.C5);
        }

        public Request {
            Objects.requireNonNull(runDir, "runDir");
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(targets, "targets");
            targetSettings = List.copyOf(targetSettings);
            if (images < 1) {
                throw new IllegalArgumentException("--images must be at least 1, got " + images);
            }
            Objects.requireNonNull(out, "out");
            Objects.requireNonNull(baseDir, "baseDir");
            Objects.requireNonNull(featureStage, "featureStage");
        }
    }

    /** The images trained on, the files written (weights first) and the trainer's description of the model. */
    public record Result(int images, List<Path> files, String description) {
        public Result {
            files = List.copyOf(files);
        }
    }

    private final ExperimentLoader loader;
    private final ComponentBinder binder;
    private final PluginContexts contexts;
    private final List<MaskModelTrainer> trainers;

    @Inject
    public SaliencyTrainingJob(ExperimentLoader loader, ComponentBinder binder, PluginContexts contexts) {
        this(loader, binder, contexts, ServiceLoader.load(MaskModelTrainer.class).stream()
                .map(ServiceLoader.Provider::get).toList());
    }

    SaliencyTrainingJob(ExperimentLoader loader, ComponentBinder binder, PluginContexts contexts,
            List<MaskModelTrainer> trainers) {
        this.loader = loader;
        this.binder = binder;
        this.contexts = contexts;
        this.trainers = List.copyOf(trainers);
    }

    /** Trains and writes the model; progress lines (the first one names the run and the images) go to {@code log}. */
    public Result run(Request request, Consumer<String> log) throws Exception {
        Path config = request.runDir().resolve(ResolvedConfig.FILE_NAME);
        if (!Files.isRegularFile(config)) {
            throw new IllegalArgumentException(request.runDir() + " is not a run directory: " + config
                    + " is missing");
        }
        MaskModelTrainer trainer = trainers.stream().filter(t -> t.proposer().equals(request.model())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no installed plugin trains mask proposer '"
                        + request.model() + "'; trainable: " + trainers.stream().map(MaskModelTrainer::proposer)
                        .toList()));
        ExperimentConfig experiment = loader.load(config, List.of());
        PluginContext context = contexts.forExperiment(experiment, Optional.empty());
        ComponentSpec targetSpec = binder.bind(ComponentKind.MASK_PROPOSER, request.targets(),
                request.targetSettings());
        PluginContext toolContext = contexts.forTool(experiment.seed(), request.baseDir().resolve("command-line"));
        Path out = request.out().orElse(request.runDir().resolve(trainer.defaultFileName()));
        try (DatasetSource dataset = contexts.create(experiment.dataset(), context, DatasetSource.class);
                MaskProposer target = contexts.create(targetSpec, toolContext, MaskProposer.class)) {
            int n = (int) Math.min(request.images(), dataset.size(Split.TRAIN));
            if (n == 0) {
                throw new IllegalArgumentException("the run's dataset (" + experiment.dataset().type()
                        + ") has no training images");
            }
            List<Sample> samples = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                samples.add(dataset.get(Split.TRAIN, i));
            }
            log.accept("training a " + request.model().replace('_', ' ') + " on " + request.runDir() + " (" + n
                    + " images, targets: " + request.targets()
                    + (request.featureStage() == FeatureStage.C5 ? "" : ", on " + request.featureStage()) + ")");
            MaskModelTrainer.Trained trained = trainer.train(new MaskModelTrainer.Request(context, request.runDir(),
                    samples, target, targetSpec.raw().toString(), request.steps(), request.learningRate(),
                    request.rounds(), out, request.featureStage()), log);
            return new Result(n, trained.files(), trained.description());
        }
    }
}
