package org.harl.spi.loss;

import ai.djl.ndarray.NDArray;

/**
 * One branch's pooled features.
 *
 * @param name     branch name ({@code img}, {@code fg}, {@code bg})
 * @param features (N, C) pooled C5 features
 * @param valid    (N) weights in {0, 1}: 0 where the branch's mask is empty, so that sample's term is dropped;
 *                 all ones for whole-image pooling
 */
public record PooledBranch(String name, NDArray features, NDArray valid) {
}
