package org.harl.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.util.LongAccumulator;
import org.harl.cli.spark.SparkSettings;
import org.harl.core.jobs.ItemFailure;
import org.harl.core.jobs.MaskGenerationJob;
import org.harl.core.jobs.ProgressListener;

/** {@code harl masks generate --spark}: the items partitioned across the executors, one {@link MaskTask} each. */
final class SparkMasks {

    /** Partitions per task slot: small enough to balance uneven images, large enough to amortise a proposer. */
    static final int PARTITIONS_PER_SLOT = 4;

    private SparkMasks() {
    }

    static MaskGenerationJob.Result generate(SparkSettings spark, MaskGenerationJob.Request request,
            List<MaskGenerationJob.Item> items, ProgressListener progress, Consumer<String> log) throws Exception {
        if (items.isEmpty()) {
            return new MaskGenerationJob.Result(0, 0, 0, List.of());
        }
        try (JavaSparkContext sc = SparkContexts.start(spark, "harl masks generate", Map.of())) {
            int slices = Math.min(items.size(), Math.max(1, sc.defaultParallelism() * PARTITIONS_PER_SLOT));
            LongAccumulator done = sc.sc().longAccumulator("harl masks images");
            List<MaskTask.Item> specs = items.stream().map(MaskTask.Item::of).toList();
            JavaFutureAction<List<MaskTask.Part>> job = sc.parallelize(new ArrayList<>(specs), slices)
                    .mapPartitions(new MaskTask(request, done)).collectAsync();
            log.accept(String.format("spark: %d images in %d tasks on %s", items.size(), slices, spark.master()));
            List<MaskTask.Part> parts = DriverProgress.await(sc, job, slices, items.size(), done, "images", progress,
                    log);
            int written = 0;
            int skipped = 0;
            List<ItemFailure> failures = new ArrayList<>();
            for (MaskTask.Part p : parts) {
                written += p.written();
                skipped += p.skipped();
                p.failures().forEach(f -> failures.add(new ItemFailure(f[0], f[1])));
            }
            return new MaskGenerationJob.Result(items.size(), written, skipped, failures);
        }
    }
}
