package org.harl.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.harl.core.run.RunDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --spark local[2]} against the same commands without Spark: byte-equal masks, equal sweep metrics, equal
 * features and probe accuracies.
 */
class SparkLocalTest {

    @TempDir
    Path dir;

    @Test
    void masksOnSparkEqualTheLocalCommandsByteForByte() throws Exception {
        Path images = Fixtures.images(dir.resolve("images"), 10, 48);
        HarlCli.Result local = HarlCli.run("masks", "generate", "--proposer", "felzenszwalb", "--in",
                images.toString(), "--out", dir.resolve("local").toString(), "--threads", "2");
        assertEquals(0, local.code(), local.err());
        HarlCli.Result spark = HarlCli.run("masks", "generate", "--proposer", "felzenszwalb", "--in",
                images.toString(), "--out", dir.resolve("spark").toString(), "--spark", "local[2]",
                "--spark-conf", "spark.ui.enabled=false");
        assertEquals(0, spark.code(), spark.err());
        assertTrue(spark.out().contains("on Spark (local[2])") && spark.out().contains("wrote 10 masks"), spark.out());
        assertTrue(spark.out().contains("tasks done"), "progress on the driver: " + spark.out());
        assertTrue(spark.out().contains("skipped 1") && spark.out().contains("a/broken.jpg"), spark.out());

        Map<String, byte[]> expected = Fixtures.files(dir.resolve("local"));
        Map<String, byte[]> actual = Fixtures.files(dir.resolve("spark"));
        assertEquals(10, expected.size());
        assertEquals(expected.keySet(), actual.keySet(), "same masks, no temporary files left");
        expected.forEach((name, bytes) -> assertArrayEquals(bytes, actual.get(name), name));

        Files.delete(dir.resolve("spark/a/img0.png"));
        HarlCli.Result resumed = HarlCli.run("masks", "generate", "--proposer", "felzenszwalb", "--in",
                images.toString(), "--out", dir.resolve("spark").toString(), "--spark=local[2]",
                "--spark-conf", "spark.ui.enabled=false");
        assertEquals(0, resumed.code(), resumed.err());
        assertTrue(resumed.out().contains("9 already done") && resumed.out().contains("wrote 1 masks"),
                resumed.out());
        assertArrayEquals(expected.get("a/img0.png"), Files.readAllBytes(dir.resolve("spark/a/img0.png")));
    }

    @Test
    void aSweepAndItsEvaluationOnSparkHaveTheLocalMetrics() throws Exception {
        Path file = Files.writeString(dir.resolve("tiny.yaml"), Fixtures.SWEEP);
        HarlCli.Result local = HarlCli.run("sweep", file.toString(), "--sweeps-dir", dir.resolve("local").toString());
        assertEquals(0, local.code(), local.err() + local.out());
        HarlCli.Result spark = HarlCli.run("sweep", file.toString(), "--sweeps-dir", dir.resolve("spark").toString(),
                "--spark=local[2]", "--spark-conf", "spark.ui.enabled=false");
        assertEquals(0, spark.code(), spark.err() + spark.out());
        assertTrue(spark.out().contains("2/2 runs completed"), spark.out());
        assertTrue(spark.out().contains("spark: [1/2]") && spark.out().contains("spark: [2/2]"), spark.out());

        List<Map<String, String>> expected = SweepTables.metrics(dir.resolve("local/tiny/results.csv"));
        assertEquals(2, expected.size());
        assertTrue(expected.stream().allMatch(r -> r.get("status").equals("completed")
                && !r.get("linear_top1").isEmpty() && !r.get("knn_top1").isEmpty()), expected.toString());
        assertEquals(expected, SweepTables.metrics(dir.resolve("spark/tiny/results.csv")));

        // the trained run evaluated again, features extracted locally and on Spark (3 batches of 16 per split)
        Path local1 = Fixtures.copyWithoutEval(dir.resolve("local/tiny/base/seed0"), dir.resolve("eval-local"));
        Path spark1 = Fixtures.copyWithoutEval(dir.resolve("local/tiny/base/seed0"), dir.resolve("eval-spark"));
        for (String probe : List.of("linear", "knn")) {
            HarlCli.Result l = HarlCli.run("eval", probe, "--checkpoint", local1.toString(), "--batch-size", "16");
            assertEquals(0, l.code(), l.err() + l.out());
            HarlCli.Result s = HarlCli.run("eval", probe, "--checkpoint", spark1.toString(), "--batch-size", "16",
                    "--spark=local[2]", "--spark-conf", "spark.ui.enabled=false");
            assertEquals(0, s.code(), s.err() + s.out());
            assertTrue(s.out().contains(probe.equals("linear") ? "spark: train features of 48 images in 3 tasks"
                    : "features of both splits are cached"), s.out());
        }
        Map<String, Object> a = new RunDirectory(local1).summary();
        Map<String, Object> b = new RunDirectory(spark1).summary();
        for (String metric : List.of("linear_top1", "linear_top5", "knn_top1", "knn_top5")) {
            assertTrue(a.containsKey(metric), metric + " in " + a);
            assertEquals(a.get(metric), b.get(metric), metric);
        }
        Map<String, byte[]> features = Fixtures.files(local1.resolve("eval"));
        Map<String, byte[]> sparkFeatures = Fixtures.files(spark1.resolve("eval"));
        assertEquals(2, features.size(), "train and test features: " + features.keySet());
        assertEquals(features.keySet(), sparkFeatures.keySet(), "the cache key the local evaluation looks up");
        features.forEach((name, bytes) -> assertArrayEquals(bytes, sparkFeatures.get(name), name));
    }
}
