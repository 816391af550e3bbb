package org.harl.cli.eval;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.harl.core.config.DeviceSpec;
import org.harl.cli.spark.SparkBackend;
import org.harl.cli.spark.SparkOptions;
import org.harl.core.eval.EncoderEvaluation;
import picocli.CommandLine.Option;

/** Options shared by the {@code harl eval} subcommands. */
public final class EvalOptions {

    @Option(names = "--checkpoint", required = true, paramLabel = "RUN_DIR",
            description = "run directory (its config.yaml and latest checkpoint are used)")
    Path runDir;

    @Option(names = "--dataset-set", paramLabel = "KEY=VALUE",
            description = "override a key of the run's dataset for evaluation, e.g. --dataset-set test_size=5000 "
                    + "(repeatable)")
    List<String> datasetOverrides = new ArrayList<>();

    @Option(names = "--train-limit", paramLabel = "N", defaultValue = "0",
            description = "training images used (default: ${DEFAULT-VALUE} = the whole split)")
    int trainLimit;

    @Option(names = "--test-limit", paramLabel = "N", defaultValue = "0",
            description = "test images scored (default: ${DEFAULT-VALUE} = the whole split)")
    int testLimit;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "256",
            description = "images per encoder forward pass (default: ${DEFAULT-VALUE})")
    int batchSize;

    @Option(names = "--workers", paramLabel = "N", defaultValue = "2",
            description = "image loading threads (default: ${DEFAULT-VALUE})")
    int workers;

    @Option(names = "--random-init",
            description = "evaluate the run's architecture with freshly initialised weights (its seed) instead of "
                    + "its checkpoint: the random-initialisation baseline; results are stored as random_init_*")
    boolean randomInit;

    @Option(names = "--device", paramLabel = "DEVICE", description = "where the encoder computes: cpu, gpu:N, gpu "
            + "or auto (default: the run's training.device, its first device)")
    String device;

    EncoderEvaluation.Extraction extraction() {
        Optional<DeviceSpec> spec;
        try {
            spec = Optional.ofNullable(device).map(DeviceSpec::fromScalar);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--device: " + e.getMessage(), e);
        }
        return new EncoderEvaluation.Extraction(datasetOverrides, batchSize, workers, randomInit, spec);
    }

    /** With {@code --spark}: the features of both splits extracted on the executors into the run's feature cache. */
    void extractOnSpark(SparkOptions spark, PrintWriter out) throws Exception {
        if (spark.settings().isPresent()) {
            SparkBackend.load().extractFeatures(spark.settings().get(), runDir, extraction(), trainLimit, testLimit,
                    line -> {
                        out.println(line);
                        out.flush();
                    });
        }
    }
}
