package org.harl.core.train;

/** A loss term became NaN or infinite: the run stops; the last checkpoint written before it is kept. */
public class NonFiniteLossException extends RuntimeException {

    private final long step;
    private final String term;

    public NonFiniteLossException(long step, int epoch, String term, double value, String lastCheckpoint) {
        super("training stopped at step " + step + " (epoch " + epoch + "): loss term '" + term + "' is " + value
                + "; last good checkpoint: " + lastCheckpoint + ". Resume with --resume: batches are a pure function "
                + "of (seed, epoch, step), so a run that passes this step on resume met a transient fault (seen on "
                + "CPU, see REPRODUCING.md); one that fails here again needs a lower learning rate or other inputs");
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
