package org.harl.plugins.deepmasks;

/** What a saliency model's single output channel holds. */
public enum ModelOutput {
    /** Foreground probabilities in [0, 1] (the model ends in a sigmoid). */
    PROBABILITIES,
    /** Unbounded logits; the proposer applies the sigmoid. */
    LOGITS
}
