package org.harl.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.harl.cli.spark.SparkSettings;
import org.harl.core.jobs.SweepJob;
import org.harl.core.run.RunDirectory;
import org.harl.core.sweep.PlannedRun;
import org.harl.core.sweep.RunOutcome;

/**
 * {@code harl sweep --spark}: every selected run is a one-task Spark job (submitted together, scheduled as slots
 * free up), and the driver rewrites the results tables as each finishes. A task lost with its executor is retried by
 * Spark and resumes from the run's last checkpoint. A JVM trains one run at a time (DJL's gradient collector is one
 * per JVM): on a cluster {@code spark.task.cpus} and {@code spark.executor.cores} default to the runs' largest
 * {@code training.threads}, so each executor holds one run; a local master runs the runs one after another.
 */
final class SparkSweep {

    private static final long POLL_MS = 250;

    private SparkSweep() {
    }

    static SweepJob.Result run(SparkSettings spark, SweepJob job, SweepJob.Request request, SweepJob.Plan plan,
                               Consumer<String> log) throws Exception {
        Map<String, String> defaults = new LinkedHashMap<>();
        int threads = Math.max(1, plan.selected().stream().mapToInt(p -> p.config().training().threads()).max()
                .orElse(1));
        int local = SparkContexts.localCores(spark);
        if (local > 0) { // one JVM: one run at a time, like the local sweep
            defaults.put("spark.task.cpus", Integer.toString(local));
        } else { // one run per executor JVM, each with its training threads
            defaults.put("spark.task.cpus", Integer.toString(threads));
            defaults.put("spark.executor.cores", Integer.toString(threads));
        }
        List<RunOutcome> outcomes = new ArrayList<>();
        try (JavaSparkContext sc = SparkContexts.start(spark, "harl sweep " + plan.sweep(), defaults)) {
            SweepTask task = new SweepTask(request);
            List<PlannedRun> pending = new ArrayList<>(plan.selected());
            List<JavaFutureAction<List<SweepTask.Report>>> jobs = new ArrayList<>();
            for (PlannedRun p : pending) {
                sc.setJobDescription(p.run().name());
                jobs.add(sc.parallelize(List.of(new SweepTask.Run(p.run().setting(), p.run().seed())), 1)
                        .map(task).collectAsync());
            }
            log.accept(String.format("spark: %d runs as %d tasks on %s (spark.task.cpus=%s)", pending.size(),
                    pending.size(), spark.master(), sc.getConf().get("spark.task.cpus")));
            int total = pending.size();
            while (!pending.isEmpty()) {
                int i = firstDone(jobs);
                if (i < 0) {
                    Thread.sleep(POLL_MS);
                    continue;
                }
                PlannedRun p = pending.remove(i);
                RunOutcome o = outcome(request, p, jobs.remove(i));
                outcomes.add(o);
                log.accept(String.format("spark: [%d/%d] %s: %s%s", outcomes.size(), total, p.run().name(),
                        o.status(), o.error() == null ? "" : " (" + o.error() + ")"));
                job.writeResults(request, plan, outcomes);
            }
        }
        return job.writeResults(request, plan, outcomes);
    }

    private static int firstDone(List<? extends JavaFutureAction<?>> jobs) {
        for (int i = 0; i < jobs.size(); i++) {
            if (jobs.get(i).isDone()) {
                return i;
            }
        }
        return -1;
    }

    /** The run's outcome, its summary read back from the shared run directory; a job Spark gave up on is failed. */
    private static RunOutcome outcome(SweepJob.Request request, PlannedRun p,
                                      JavaFutureAction<List<SweepTask.Report>> future) throws InterruptedException {
        Path dir = request.sweepsDir().resolve(p.run().name());
        String status;
        String error;
        try {
            SweepTask.Report r = future.get().get(0);
            status = r.status();
            error = r.error();
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            status = "failed";
            error = "Spark task failed: " + cause.getMessage();
        }
        return new RunOutcome(p.run(), dir, status, new RunDirectory(dir).summary(), error);
    }
}
