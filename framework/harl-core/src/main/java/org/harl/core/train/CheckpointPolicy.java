package org.harl.core.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.harl.core.train.optim.StatefulOptimizer;

/**
 * When a run writes checkpoints, which it keeps, and where a resumed run continues. A checkpoint is written when an
 * optimizer step ends on a multiple of {@code checkpoint_every} batches or at an epoch's end, except after the last
 * batch (the run writes its final checkpoint itself, after the loop); the newest {@link #KEEP} are kept. Checkpoints
 * fall only on optimizer steps, so no half-accumulated gradient is ever lost by a resume. It also keeps the run's
 * training clock: each checkpoint records the seconds trained so far, so a resumed run's time counts every attempt
 * up to the checkpoint it continues from (work after an attempt's last checkpoint is redone and counted once).
 */
final class CheckpointPolicy {

    static final int KEEP = 2;

    private final Checkpoints checkpoints;
    private final int every;
    private final long totalBatches;
    private final long seed;
    private final long attemptStarted = System.nanoTime();
    private double earlierSeconds;
    private long resumedAt;
    private String last = "none";

    /**
     * @param every        {@code training.checkpoint_every} in batches; 0 = at epoch ends only
     * @param totalBatches batches of the whole run
     * @param seed         the experiment seed, recorded in each checkpoint
     */
    CheckpointPolicy(Checkpoints checkpoints, int every, long totalBatches, long seed) {
        this.checkpoints = checkpoints;
        this.every = every;
        this.totalBatches = totalBatches;
        this.seed = seed;
    }

    /**
     * The checkpoint a run continues from: the newest one with {@code resume}, none without. Fails when resuming
     * finds nothing, or when a fresh run would overwrite an earlier one's checkpoints.
     */
    Optional<Path> resumePoint(boolean resume, Path runDirectory) {
        Optional<Path> latest = checkpoints.latest();
        if (resume && latest.isEmpty()) {
            throw new IllegalStateException("cannot resume: no checkpoint in " + checkpoints.directory());
        }
        if (!resume && latest.isPresent()) {
            throw new IllegalStateException("run directory " + runDirectory + " already holds checkpoints: pass "
                    + "--resume to continue it, or give the experiment another name");
        }
        return latest;
    }

    /** Loads {@code file} into the networks and optimizer; returns the batches already trained. */
    long resume(Path file, SslNetworks nets, StatefulOptimizer optimizer) throws IOException {
        Checkpoints.Position p = Checkpoints.load(file, nets, optimizer);
        earlierSeconds = p.trainedSeconds();
        resumedAt = p.globalStep();
        last = file.toString();
        return p.globalStep();
    }

    /** Seconds since this attempt started (since this policy was made). */
    double attemptSeconds() {
        return (System.nanoTime() - attemptStarted) / 1e9;
    }

    /** Seconds trained over all attempts; NaN when the checkpoint resumed from did not record its time. */
    double trainedSeconds() {
        return earlierSeconds + attemptSeconds();
    }

    /** The step this attempt resumed from (0 for a run started afresh). */
    long resumedAt() {
        return resumedAt;
    }

    /** Whether to write a checkpoint once {@code done} batches are trained. */
    boolean due(long done, boolean optimizerStepEnded, boolean epochEnded) {
        boolean periodic = every > 0 && done % every == 0;
        return optimizerStepEnded && (periodic || epochEnded) && done < totalBatches;
    }

    /** Writes the checkpoint after {@code done} batches and deletes all but the newest {@link #KEEP}. */
    Path save(long done, SslNetworks nets, StatefulOptimizer optimizer) {
        Path file = checkpoints.save(new Checkpoints.Position(done, seed, trainedSeconds()), nets, optimizer);
        checkpoints.keepNewest(KEEP);
        last = file.toString();
        return file;
    }

    /** The newest checkpoint this run wrote or resumed from, or "none" (for error messages and the summary). */
    String last() {
        return last;
    }
}
