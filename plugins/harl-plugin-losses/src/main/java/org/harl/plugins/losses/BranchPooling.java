package org.harl.plugins.losses;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import org.harl.spi.loss.PooledBranch;
import org.harl.spi.nd.GraphScalars;

/**
 * Pooling of a C5 map (N, C, h, w) into (N, C) vectors. Masks carry no gradient, so they may use number operands;
 * anything derived from c5 takes constants through {@link GraphScalars}.
 */
final class BranchPooling {

    private BranchPooling() {
    }

    /** Global average pooling; every sample valid. */
    static PooledBranch global(String name, NDArray c5) {
        NDArray h = ai.djl.nn.pooling.Pool.globalAvgPool2d(c5); // (N, C)
        return new PooledBranch(name, h, h.getManager().ones(new ai.djl.ndarray.types.Shape(h.getShape().get(0))));
    }

    /**
     * Masked pooling h = sum(M * F) / d over the grid, d as {@code mode} says. A sample whose mask sums below
     * {@code eps} (no foreground, or no background) gets valid = 0, so the loss drops its term instead of regressing
     * a zero vector.
     *
     * @param mask (N, 1, h, w) weights per cell
     */
    static PooledBranch masked(String name, NDArray c5, NDArray mask, double eps, PoolingDenominator mode) {
        long n = c5.getShape().get(0);
        NDArray area = mask.reshape(n, -1).sum(new int[] {1});             // (N)
        NDArray sum = c5.mul(mask).reshape(n, c5.getShape().get(1), -1).sum(new int[] {2}); // (N, C)
        NDArray h = switch (mode) {
            case MEAN -> sum.div(area.maximum((float) eps).expandDims(1));
            case PLUS_ONE -> sum.div(area.add(1f).expandDims(1));
            case GAP -> GraphScalars.div(sum, c5.getShape().get(2) * c5.getShape().get(3));
        };
        NDArray valid = area.gte((float) eps).toType(DataType.FLOAT32, false);
        return new PooledBranch(name, h, valid);
    }
}
