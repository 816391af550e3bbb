package org.harl.core.sweep;

import java.nio.file.Path;
import java.util.function.Predicate;
import org.harl.core.run.RunDirectory;

/** Where a sweep run stands on disk, which decides whether it is skipped, resumed or started. */
public enum RunProgress {
    /** No directory, or one without a checkpoint to resume from: train from scratch. */
    NEW,
    /** A checkpoint but no completed summary: resume. */
    INTERRUPTED,
    /** {@code summary.json} says {@code completed: true}: skip training. */
    COMPLETE;

    public static RunProgress of(Path runDir, Predicate<Path> hasCheckpoint) {
        RunDirectory run = new RunDirectory(runDir);
        if (!run.exists()) {
            return NEW;
        }
        if (run.isCompleted()) {
            return COMPLETE;
        }
        return hasCheckpoint.test(runDir) ? INTERRUPTED : NEW;
    }
}
