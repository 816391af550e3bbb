package org.harl.plugins.losses;

/**
 * Denominator of the masked pooling h = sum(M * F) / d. The two reference implementations disagree (HARL.md, defect
 * 6), so the choice is a config key that ablations can sweep.
 */
public enum PoolingDenominator {
    /** d = max(sum(M), eps): the mean feature over the mask (this project's default). */
    MEAN,
    /** d = sum(M) + 1: the PyTorch reference; shrinks embeddings of small masks. */
    PLUS_ONE,
    /** d = h * w: the TensorFlow reference, plain GAP of the masked map; scales with the mask's area. */
    GAP
}
