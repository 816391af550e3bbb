package org.harl.cli.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.harl.cli.spark.SparkBackend;
import org.harl.cli.spark.SparkSettings;
import org.harl.core.jobs.MaskGenerationJob;
import org.harl.core.jobs.ProgressListener;
import org.harl.spi.data.Split;

/**
 * {@code harl bench masks --spark MASTER}: the same images masked by the threaded local job and on Spark, in one
 * command; images/s of both and their ratio. The Spark figure includes starting the context (seconds), so the driver's
 * own line (job time only) is printed too.
 */
final class SparkMasksBench {

    private SparkMasksBench() {
    }

    static void run(MaskGenerationJob job, SparkSettings spark, String proposer, int count, int size, int threads,
                    PrintWriter out) throws Exception {
        Path tmp = Files.createTempDirectory("harl-bench-spark");
        try {
            MaskGenerationJob.Inputs inputs = new MaskGenerationJob.DatasetSplit("synthetic_objects",
                    List.of("image_size=" + size, "train_size=" + count), Split.TRAIN, count);
            MaskGenerationJob.Request local = request(proposer, inputs, tmp.resolve("local"), threads);
            List<MaskGenerationJob.Item> items = job.plan(local).items();
            out.printf("%d synthetic_objects images at %dx%d, proposer %s: %d local threads against Spark %s%n",
                    items.size(), size, size, proposer, threads, spark.master());
            out.flush();
            long t0 = System.nanoTime();
            MaskGenerationJob.Result l = job.process(local, items, ProgressListener.NONE);
            double localS = (System.nanoTime() - t0) / 1e9;
            List<String> log = new ArrayList<>();
            t0 = System.nanoTime();
            MaskGenerationJob.Result s = SparkBackend.load().generateMasks(spark,
                    request(proposer, inputs, tmp.resolve("spark"), threads), items, ProgressListener.NONE, log::add);
            double sparkS = (System.nanoTime() - t0) / 1e9;
            out.printf("local: %d masks in %.2f s = %.2f images/s%n", l.written(), localS, l.written() / localS);
            out.printf("spark: %d masks in %.2f s = %.2f images/s (with the context start)%n", s.written(), sparkS,
                    s.written() / sparkS);
            out.println("spark driver: " + (log.isEmpty() ? "-" : log.get(log.size() - 1)));
            out.printf("ratio spark/local images/s: %.3f; masks identical: %s%n", localS / sparkS,
                    identical(tmp.resolve("local"), tmp.resolve("spark")) ? "yes" : "NO");
            out.flush();
        } finally {
            try (Stream<Path> walk = Files.walk(tmp)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static MaskGenerationJob.Request request(String proposer, MaskGenerationJob.Inputs inputs, Path out,
                                                     int threads) {
        return new MaskGenerationJob.Request(proposer, List.of(), inputs, out, threads, 1,
                Path.of("").toAbsolutePath());
    }

    private static boolean identical(Path a, Path b) throws IOException {
        try (Stream<Path> walk = Files.walk(a)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                Path other = b.resolve(a.relativize(p).toString());
                if (!Files.exists(other) || !Arrays.equals(Files.readAllBytes(p), Files.readAllBytes(other))) {
                    return false;
                }
            }
        }
        return true;
    }
}
