package org.harl.core.train;

import org.harl.core.data.EvalBatch;

/**
 * The labelled images of the kNN monitor: a memory bank (from the training split) and scored test images, both in
 * the deterministic evaluation view.
 */
public interface KnnData {

    Iterable<EvalBatch> bank();

    Iterable<EvalBatch> test();

    int classes();
}
