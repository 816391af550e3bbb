package org.harl.core.train;

/** A loss term became NaN or infinite: the run stops; the last checkpoint written before it is kept. */
public class NonFiniteLossException extends RuntimeException {

    private final long step;
    private final String term;

    public NonFiniteLossException(long step, int epoch, String term, double value, String lastCheckpoint) {
        super("training stopped at step " + step + " (epoch " + epoch + "): loss term '" + term + "' is " + value
                + "; last good checkpoint: " + lastCheckpoint + ". Training diverged: lower optimizer.base_lr or "
                + "lengthen optimizer.warmup_epochs and start again; a custom loss or backbone must add constants to "
                + "the graph through GraphScalars (README, Writing a plugin)");
        this.step = step;
        this.term = term;
    }

    public long step() {
        return step;
    }

    public String term() {
        return term;
    }
}
