package org.harl.core.data;

/**
 * Evaluation images (deterministic evaluation view, no augmentation) with labels.
 *
 * @param size   N
 * @param side   S
 * @param images (N, 3, S, S) normalised
 * @param labels (N)
 */
public record EvalBatch(int size, int side, float[] images, int[] labels) {
}
