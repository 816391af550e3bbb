package org.harl.core.train;

import java.util.List;

/**
 * Observes training steps, for tools and tests: memory sampling, profiling, leak checks, or a simulated kill (a
 * listener that throws ends the run as a crash would, after that step's checkpoint if one was due).
 */
@FunctionalInterface
public interface StepListener {

    /** No-op. */
    StepListener NONE = (step, result, networks) -> { };

    /**
     * After batch {@code step} (0-based, over all epochs) was trained, its optimizer step (if one ended) applied and
     * its checkpoint (if one was due) written.
     */
    void onStepEnd(long step, StepResult result, SslNetworks networks);

    /** Between the forward pass and backward of every batch. */
    default void beforeBackward() {
    }

    /** One listener calling {@code listeners} in order. */
    static StepListener all(List<StepListener> listeners) {
        List<StepListener> copy = List.copyOf(listeners);
        return new StepListener() {
            @Override
            public void onStepEnd(long step, StepResult result, SslNetworks networks) {
                copy.forEach(l -> l.onStepEnd(step, result, networks));
            }

            @Override
            public void beforeBackward() {
                copy.forEach(StepListener::beforeBackward);
            }
        };
    }
}
