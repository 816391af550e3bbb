package org.harl.core.train;

import org.harl.core.data.EvalBatch;

/**
 * The labelled images of the kNN monitor: a memory bank (from the training split) and scored test images, both in
 * the deterministic evaluation view.
 *
 * @param bank    labelled training images (re-iterable: the monitor runs several times)
 * @param test    scored test images
 * @param classes number of classes
 */
public record KnnData(Iterable<EvalBatch> bank, Iterable<EvalBatch> test, int classes) {
}
