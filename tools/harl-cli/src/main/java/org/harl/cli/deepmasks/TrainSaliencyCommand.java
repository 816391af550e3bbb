package org.harl.cli.deepmasks;

import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.harl.core.jobs.SaliencyTrainingJob;
import org.harl.spi.encoder.FeatureStage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code harl masks train-saliency}: freezes a run's online encoder and trains the {@code saliency_head} proposer's
 * 1x1 head on masks from another proposer, over images of the run's own dataset ({@link SaliencyTrainingJob}).
 */
@Command(name = "train-saliency", mixinStandardHelpOptions = true,
        description = "Train a saliency head (bias-free 1x1 conv, balanced BCE) on a run's frozen encoder against "
                + "masks from another proposer; writes RUN_DIR/saliency_head.params and .json.")
public final class TrainSaliencyCommand implements Callable<Integer> {

    private final SaliencyTrainingJob job;

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

    @Option(names = "--feature-stage", paramLabel = "STAGE", defaultValue = "c5",
            description = "encoder map the head sits on: c5 (last stage) or c4 (the stage before: twice as fine a "
                    + "grid); proposers using the head must set the same feature_stage (default: ${DEFAULT-VALUE})")
    String featureStage;

    @Option(names = "--out", paramLabel = "FILE",
            description = "params file to write (default: RUN_DIR/saliency_head.params; a .json lands beside it)")
    Path out;

    @Inject
    public TrainSaliencyCommand(SaliencyTrainingJob job) {
        this.job = job;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        SaliencyTrainingJob.Request request = new SaliencyTrainingJob.Request(runDir, "saliency_head", targets,
                targetSettings, images, steps, learningRate, rounds, Optional.ofNullable(out),
                Path.of("").toAbsolutePath(), FeatureStage.parse(featureStage, "--feature-stage"));
        SaliencyTrainingJob.Result result = job.run(request, line -> {
            stdout.println(line);
            stdout.flush();
        });
        stdout.printf("wrote %s (%s)%n", String.join(" and ", result.files().stream().map(Path::toString).toList()),
                result.description());
        return 0;
    }
}
