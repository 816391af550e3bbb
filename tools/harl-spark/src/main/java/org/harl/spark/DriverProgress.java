package org.harl.spark;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import org.apache.spark.SparkStageInfo;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.util.LongAccumulator;
import org.harl.core.jobs.ProgressListener;

/**
 * Follows a Spark job from the driver: items done (an accumulator the tasks add to as they finish) to a progress
 * listener, and a line with tasks done / total and items/s to the log whenever a task finishes (at most every two
 * seconds).
 */
final class DriverProgress {

    private static final long POLL_MS = 250;
    private static final long LOG_EVERY_MS = 2000;

    private DriverProgress() {
    }

    static <T> List<T> await(JavaSparkContext sc, JavaFutureAction<List<T>> job, int tasks, long items,
                             LongAccumulator done, String what, ProgressListener progress, Consumer<String> log)
            throws Exception {
        long start = System.nanoTime();
        progress.started(what, items);
        int lastTasks = -1;
        long lastLog = 0;
        try {
            while (!job.isDone()) {
                Thread.sleep(POLL_MS);
                int finished = completedTasks(sc, job);
                double seconds = (System.nanoTime() - start) / 1e9;
                long n = done.value();
                progress.advanced(n, items, n / Math.max(seconds, 1e-9));
                long now = System.currentTimeMillis();
                if (finished != lastTasks && now - lastLog >= LOG_EVERY_MS) {
                    log.accept(String.format("spark: %d/%d tasks done, %d/%d %s, %.1f %s/s", finished, tasks, n,
                            items, what, n / Math.max(seconds, 1e-9), what));
                    lastTasks = finished;
                    lastLog = now;
                }
            }
            List<T> result = job.get();
            double seconds = (System.nanoTime() - start) / 1e9;
            progress.advanced(done.value(), items, done.value() / Math.max(seconds, 1e-9));
            log.accept(String.format("spark: %d/%d tasks done, %d %s in %.1f s (%.1f %s/s)", tasks, tasks,
                    done.value(), what, seconds, done.value() / Math.max(seconds, 1e-9), what));
            return result;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception c ? c : e;
        } finally {
            progress.finished();
        }
    }

    private static int completedTasks(JavaSparkContext sc, JavaFutureAction<?> job) {
        int n = 0;
        for (int jobId : job.jobIds()) {
            var info = sc.statusTracker().getJobInfo(jobId);
            if (info == null) {
                continue;
            }
            for (int stage : info.stageIds()) {
                SparkStageInfo s = sc.statusTracker().getStageInfo(stage);
                n += s == null ? 0 : s.numCompletedTasks();
            }
        }
        return n;
    }
}
