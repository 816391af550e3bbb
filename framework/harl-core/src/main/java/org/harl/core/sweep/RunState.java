package org.harl.core.sweep;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;
import org.harl.core.eval.SummaryFile;

/** Where a sweep run stands on disk, which decides whether it is skipped, resumed or started. */
public enum RunState {
    /** No directory, or one without a checkpoint to resume from: train from scratch. */
    NEW,
    /** A checkpoint but no completed summary: resume. */
    INTERRUPTED,
    /** {@code summary.json} says {@code completed: true}: skip training. */
    COMPLETE;

    public static RunState of(Path runDir, Predicate<Path> hasCheckpoint) {
        if (!Files.isDirectory(runDir)) {
            return NEW;
        }
        if (SummaryFile.isCompleted(SummaryFile.read(runDir))) {
            return COMPLETE;
        }
        return hasCheckpoint.test(runDir) ? INTERRUPTED : NEW;
    }
}
