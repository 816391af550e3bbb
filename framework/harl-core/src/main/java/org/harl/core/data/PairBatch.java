package org.harl.core.data;

/**
 * One training batch of two augmented views per image, in planar float layout ready for NDArrays.
 *
 * @param size   N, images in the batch
 * @param side   S, the square view side
 * @param view1  (N, 3, S, S) normalised images of the first view
 * @param view2  (N, 3, S, S) second view
 * @param mask1  (N, 1, S, S) foreground mask of view 1 (same geometry as view1), or null when the method uses none
 * @param mask2  (N, 1, S, S) mask of view 2, or null
 * @param labels (N) class labels (-1 unknown); used only for monitoring, never by the objective
 * @param epoch  the epoch this batch belongs to
 * @param step   the step index within the epoch
 */
public record PairBatch(int size, int side, float[] view1, float[] view2, float[] mask1, float[] mask2, int[] labels,
                        int epoch, int step) {
}
