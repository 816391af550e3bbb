package org.harl.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.harl.core.run.RunDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real standalone cluster (Master and Worker as separate JVMs on 127.0.0.1): mask generation and a tiny sweep
 * through {@code spark://}, each losing its Worker (and executor) mid-job to a kill by PID and getting a new one. The
 * jobs finish, every mask and run exists once, and the results equal the local commands'.
 */
class StandaloneClusterTest {

    private static final long JOB_TIMEOUT_S = 240;

    @TempDir
    Path dir;

    @Test
    void jobsSurviveALostWorkerAndMatchTheLocalResults() throws Exception {
        Path images = Fixtures.images(dir.resolve("images"), 40, 64);
        Path sweep = Files.writeString(dir.resolve("tiny.yaml"), Fixtures.SWEEP);
        HarlCli.Result localMasks = HarlCli.run("masks", "generate", "--proposer", "felzenszwalb", "--in",
                images.toString(), "--out", dir.resolve("local-masks").toString(), "--threads", "1");
        assertEquals(0, localMasks.code(), localMasks.err());
        HarlCli.Result localSweep = HarlCli.run("sweep", sweep.toString(), "--sweeps-dir",
                dir.resolve("local-sweeps").toString());
        assertEquals(0, localSweep.code(), localSweep.err() + localSweep.out());

        try (StandaloneCluster cluster = new StandaloneCluster(Files.createDirectories(dir.resolve("cluster")))) {
            Path masks = dir.resolve("cluster-masks");
            HarlCli.Result r = withWorkerLost(cluster, () -> count(masks, ".png") > 0, args(cluster, "masks",
                    "generate", "--proposer", "felzenszwalb", "--in", images.toString(), "--out", masks.toString()));
            assertEquals(0, r.code(), r.err() + r.out());
            assertTrue(r.out().contains("skipped 1 unreadable") && r.out().contains("a/broken.jpg"), r.out());
            Map<String, byte[]> expected = Fixtures.files(dir.resolve("local-masks"));
            Map<String, byte[]> actual = Fixtures.files(masks);
            actual.keySet().removeIf(name -> name.endsWith(".tmp")); // a write cut short by the kill
            assertEquals(expected.keySet(), actual.keySet(), "every mask once");
            expected.forEach((name, bytes) -> assertArrayEquals(bytes, actual.get(name), name));

            Path sweeps = dir.resolve("cluster-sweeps");
            HarlCli.Result s = withWorkerLost(cluster, () -> Files.isDirectory(sweeps.resolve("tiny/base")),
                    args(cluster, "sweep", sweep.toString(), "--sweeps-dir", sweeps.toString()));
            assertEquals(0, s.code(), s.err() + s.out());
            assertTrue(s.out().contains("2/2 runs completed"), s.out());
            try (Stream<Path> runs = Files.list(sweeps.resolve("tiny/base"))) {
                assertEquals(List.of("seed0", "seed1"), runs.map(p -> p.getFileName().toString()).sorted().toList());
            }
            assertEquals(SweepTables.metrics(dir.resolve("local-sweeps/tiny/results.csv")),
                    SweepTables.metrics(sweeps.resolve("tiny/results.csv")));

            // eval: the features of a trained run extracted on the cluster's executor, the probe on the driver
            Path trained = dir.resolve("local-sweeps/tiny/base/seed0");
            Path localRun = Fixtures.copyWithoutEval(trained, dir.resolve("eval-local"));
            Path clusterRun = Fixtures.copyWithoutEval(trained, dir.resolve("eval-cluster"));
            HarlCli.Result le = HarlCli.run("eval", "linear", "--checkpoint", localRun.toString(), "--batch-size", "16");
            assertEquals(0, le.code(), le.err() + le.out());
            HarlCli.Result ce = HarlCli.run(args(cluster, "eval", "linear", "--checkpoint", clusterRun.toString(),
                    "--batch-size", "16"));
            assertEquals(0, ce.code(), ce.err() + ce.out());
            assertTrue(ce.out().contains("spark: train features of"), ce.out());
            Map<String, Object> a = new RunDirectory(localRun).summary();
            assertTrue(a.containsKey("linear_top1"), a.toString());
            assertEquals(a.get("linear_top1"), new RunDirectory(clusterRun).summary().get("linear_top1"));
            Map<String, byte[]> features = Fixtures.files(localRun.resolve("eval"));
            Map<String, byte[]> clusterFeatures = Fixtures.files(clusterRun.resolve("eval"));
            assertEquals(features.keySet(), clusterFeatures.keySet());
            features.forEach((name, bytes) -> assertArrayEquals(bytes, clusterFeatures.get(name), name));
        }
    }

    private static String[] args(StandaloneCluster cluster, String... command) {
        List<String> all = new ArrayList<>(List.of(command));
        all.addAll(cluster.driverArgs());
        return all.toArray(String[]::new);
    }

    /**
     * Runs a command on the cluster; once {@code begun} holds (the job has written something) kills the Worker with
     * its executor, checks the job is not done yet, and starts a new Worker.
     */
    private HarlCli.Result withWorkerLost(StandaloneCluster cluster, BooleanSupplier begun, String... args)
            throws Exception {
        CompletableFuture<HarlCli.Result> job = CompletableFuture.supplyAsync(() -> HarlCli.run(args));
        long deadline = System.currentTimeMillis() + JOB_TIMEOUT_S * 1000;
        while (!begun.getAsBoolean() && !job.isDone() && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(cluster.workerHasExecutor(), "the job runs on the Worker's executor");
        cluster.killWorker();
        assertTrue(!job.isDone(), "the Worker was lost mid-job: " + (job.isDone() ? job.get().out() : ""));
        cluster.startWorker();
        return job.get(JOB_TIMEOUT_S, TimeUnit.SECONDS);
    }

    private static long count(Path dir, String suffix) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.toString().endsWith(suffix)).count();
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            return 0; // a file moved while walking: look again
        }
    }
}
