package org.harl.spark;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.harl.cli.spark.SparkBackend;
import org.harl.cli.spark.SparkSettings;
import org.harl.core.eval.EncoderEvaluation;
import org.harl.core.jobs.MaskGenerationJob;
import org.harl.core.jobs.ProgressListener;
import org.harl.core.jobs.SweepJob;

/** The Spark backend of the CLI's {@code --spark} options (registered for {@link java.util.ServiceLoader}). */
public final class SparkJobs implements SparkBackend {

    @Override
    public MaskGenerationJob.Result generateMasks(SparkSettings spark, MaskGenerationJob.Request request,
            List<MaskGenerationJob.Item> items, ProgressListener progress, Consumer<String> log) throws Exception {
        return SparkMasks.generate(spark, request, items, progress, log);
    }

    @Override
    public void extractFeatures(SparkSettings spark, Path runDir, EncoderEvaluation.Extraction extraction,
                                int trainLimit, int testLimit, Consumer<String> log) throws Exception {
        SparkFeatures.extract(spark, runDir, extraction, trainLimit, testLimit, log);
    }

    @Override
    public SweepJob.Result sweep(SparkSettings spark, SweepJob job, SweepJob.Request request, SweepJob.Plan plan,
                                 Consumer<String> log) throws Exception {
        return SparkSweep.run(spark, job, request, plan, log);
    }
}
