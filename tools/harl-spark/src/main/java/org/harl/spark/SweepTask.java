package org.harl.spark;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.function.Function;
import org.harl.core.jobs.SweepJob;
import org.harl.core.sweep.RunOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One (setting, seed) run of a sweep on an executor, through {@link SweepJob#runOne}: the run directory on shared
 * storage decides whether it is skipped (complete), resumed from its last checkpoint (a retried task) or started.
 */
final class SweepTask implements Function<SweepTask.Run, SweepTask.Report> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(SweepTask.class);
    /** DJL allows one gradient collector per JVM: runs sharing an executor take turns. */
    private static final Object TRAINING = new Object();

    /** The run to do. */
    record Run(String setting, long seed) implements Serializable {
    }

    /** How it ended: {@link RunOutcome#status()} and its error (or null). */
    record Report(String setting, long seed, String status, String error) implements Serializable {
    }

    private final String file;
    private final ArrayList<String> overrides;
    private final String sweepsDir;
    private final ArrayList<String> reuseFrom;
    private final boolean evaluate;
    private final String record; // null: the file's sweep.record, if any

    /** The task of a request; paths become absolute so that every executor resolves them alike. */
    SweepTask(SweepJob.Request request) {
        this.file = absolute(request.file());
        this.overrides = new ArrayList<>(request.overrides());
        this.sweepsDir = absolute(request.sweepsDir());
        this.reuseFrom = new ArrayList<>(request.reuseFrom().stream().map(SweepTask::absolute).toList());
        this.evaluate = request.evaluate();
        this.record = request.record() == null ? null : absolute(request.record());
    }

    private static String absolute(Path p) {
        return p.toAbsolutePath().normalize().toString();
    }

    @Override
    public Report call(Run run) {
        SweepJob job = ExecutorHarl.get(SweepJob.class);
        SweepJob.Request request = new SweepJob.Request(Path.of(file), overrides, Path.of(sweepsDir), List.of(),
                List.of(), reuseFrom.stream().map(Path::of).toList(), evaluate, record == null ? null : Path.of(record));
        RunOutcome o;
        synchronized (TRAINING) {
            TaskThreads.prepare();
            o = job.runOne(request, job.plan(request), run.setting(), run.seed(), LOG::info);
        }
        return new Report(run.setting(), run.seed(), o.status(), o.error());
    }
}
