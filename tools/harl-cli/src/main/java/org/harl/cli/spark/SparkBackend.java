package org.harl.cli.spark;

import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import java.util.function.Consumer;
import org.harl.core.eval.EncoderEvaluation;
import org.harl.core.eval.RunEvaluation;
import org.harl.core.jobs.MaskGenerationJob;
import org.harl.core.jobs.ProgressListener;
import org.harl.core.jobs.SweepJob;

/**
 * Runs a command's job on Apache Spark. The implementation lives in the harl-spark module, which the {@code harl}
 * launcher puts on the classpath only for {@code --spark} commands: the CLI never names it and never loads Spark
 * otherwise.
 */
public interface SparkBackend {

    /**
     * Writes the masks of {@code items} on the executors, as {@link MaskGenerationJob#process} would locally.
     * Progress ({@code log}: tasks done, images/s) is reported on the driver.
     */
    MaskGenerationJob.Result generateMasks(SparkSettings spark, MaskGenerationJob.Request request,
            List<MaskGenerationJob.Item> items, ProgressListener progress, Consumer<String> log) throws Exception;

    /** Runs every selected run of the plan as one Spark task each; the driver rewrites the results tables. */
    SweepJob.Result sweep(SparkSettings spark, SweepJob job, SweepJob.Request request, SweepJob.Plan plan,
            Consumer<String> log) throws Exception;

    /**
     * Extracts the frozen features of both splits of a run on the executors into the run's feature cache, where
     * {@link EncoderEvaluation#evaluate} then finds them (limits as in {@link RunEvaluation.Options}).
     */
    void extractFeatures(SparkSettings spark, Path runDir, EncoderEvaluation.Extraction extraction, int trainLimit,
            int testLimit, Consumer<String> log) throws Exception;

    /** The backend on the classpath; a clear error when harl-spark is not there. */
    static SparkBackend load() {
        return ServiceLoader.load(SparkBackend.class).findFirst().orElseThrow(() -> new IllegalStateException(
                "--spark needs the harl-spark module on the classpath: run through the harl launcher (it adds "
                        + "tools/harl-spark/target/lib for --spark commands), or see docs/spark.md"));
    }
}
