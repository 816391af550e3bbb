package org.harl.cli.deepmasks;

import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.harl.core.config.ComponentBinder;
import org.harl.core.config.ComponentSpec;
import org.harl.core.config.ExperimentConfig;
import org.harl.core.config.ExperimentLoader;
import org.harl.core.config.ResolvedConfig;
import org.harl.core.registry.PluginContexts;
import org.harl.plugins.deepmasks.FeatureEncoder;
import org.harl.plugins.deepmasks.RunEncoders;
import org.harl.plugins.deepmasks.SaliencyHeadFiles;
import org.harl.plugins.deepmasks.SaliencyHeadInfo;
import org.harl.plugins.deepmasks.SaliencyHeadJob;
import org.harl.plugins.deepmasks.SaliencyHeadTraining;
import org.harl.spi.ComponentKind;
import org.harl.spi.PluginContext;
import org.harl.spi.data.DatasetSource;
import org.harl.spi.data.Sample;
import org.harl.spi.data.Split;
import org.harl.spi.mask.MaskProposer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code harl masks train-saliency}: freezes a run's online encoder and trains the {@code saliency_head} proposer's
 * 1x1 head on masks from another proposer, over images of the run's own dataset.
 */
@Command(name = "train-saliency", mixinStandardHelpOptions = true,
        description = "Train a saliency head (bias-free 1x1 conv, balanced BCE) on a run's frozen encoder against "
                + "masks from another proposer; writes RUN_DIR/saliency_head.params and .json.")
public final class TrainSaliencyCommand implements Callable<Integer> {

    private final ExperimentLoader loader;
    private final ComponentBinder binder;
    private final PluginContexts contexts;

    @Spec
    CommandSpec spec;

    @Option(names = "--encoder", required = true, paramLabel = "RUN_DIR",
            description = "run directory of the trained encoder (holds config.yaml and the checkpoint)")
    Path runDir;

    @Option(names = "--targets", paramLabel = "NAME", defaultValue = "drfi",
            description = "mask proposer whose masks the head learns (default: ${DEFAULT-VALUE})")
    String targets;

    @Option(names = "--target-set", paramLabel = "KEY=VALUE",
            description = "a setting of the target proposer, e.g. --target-set max_threshold=0.8 (repeatable)")
    List<String> targetSettings = new ArrayList<>();

    @Option(names = "--images", paramLabel = "N", defaultValue = "500",
            description = "training images: the first N of the run dataset's train split (default: ${DEFAULT-VALUE})")
    int images;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "300",
            description = "full-batch Adam steps per fit (default: ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--lr", paramLabel = "RATE", defaultValue = "0.05",
            description = "Adam learning rate (default: ${DEFAULT-VALUE})")
    float learningRate;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "0",
            description = "self-training rounds: refit on the head's own post-processed masks (default: ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--out", paramLabel = "FILE",
            description = "params file to write (default: RUN_DIR/saliency_head.params; a .json lands beside it)")
    Path out;

    @Inject
    public TrainSaliencyCommand(ExperimentLoader loader, ComponentBinder binder, PluginContexts contexts) {
        this.loader = loader;
        this.binder = binder;
        this.contexts = contexts;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        Path config = runDir.resolve(ResolvedConfig.FILE_NAME);
        if (!Files.isRegularFile(config)) {
            throw new IllegalArgumentException(runDir + " is not a run directory: " + config + " is missing");
        }
        if (images < 1) {
            throw new IllegalArgumentException("--images must be at least 1, got " + images);
        }
        SaliencyHeadTraining.Settings settings = new SaliencyHeadTraining.Settings(steps, learningRate, rounds,
                SaliencyHeadTraining.Settings.defaults().threshold(),
                SaliencyHeadTraining.Settings.defaults().minComponent());
        ExperimentConfig experiment = loader.load(config, List.of());
        PluginContext context = contexts.forExperiment(experiment, Optional.empty());
        ComponentSpec targetSpec = binder.bind(ComponentKind.MASK_PROPOSER, targets, targetSettings);
        // command-line values resolve against the working directory, like the other mask tools
        PluginContext toolContext = contexts.forTool(experiment.seed(), Path.of("").toAbsolutePath().resolve("command-line"));
        Path params = out != null ? out : runDir.resolve(SaliencyHeadFiles.DEFAULT_NAME + ".params");
        try (DatasetSource dataset = contexts.create(experiment.dataset(), context, DatasetSource.class);
                MaskProposer target = contexts.create(targetSpec, toolContext, MaskProposer.class);
                FeatureEncoder encoder = RunEncoders.open(context, runDir)) {
            long available = dataset.size(Split.TRAIN);
            int n = (int) Math.min(images, available);
            if (n == 0) {
                throw new IllegalArgumentException("the run's dataset (" + experiment.dataset().type()
                        + ") has no training images");
            }
            List<Sample> samples = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                samples.add(dataset.get(Split.TRAIN, i));
            }
            stdout.println("training a saliency head on " + runDir + " (" + n + " images, targets: " + targets + ")");
            SaliencyHeadInfo info = SaliencyHeadJob.run(encoder, samples, target, targetSpec.raw().toString(),
                    settings, params, line -> {
                        stdout.println(line);
                        stdout.flush();
                    });
            stdout.printf("wrote %s and %s (C=%d, grid %dx%d, target foreground %.3f, final balanced BCE %.4f)%n",
                    params, SaliencyHeadFiles.infoFile(params), info.channels(), info.gridWidth(), info.gridHeight(),
                    info.targetForeground(), info.finalLoss());
        }
        return 0;
    }
}
