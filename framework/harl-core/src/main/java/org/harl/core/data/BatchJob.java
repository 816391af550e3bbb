package org.harl.core.data;

/**
 * One batch under construction: {@link #fill} writes sample {@code i} into its own slot of preallocated arrays
 * (so workers never share a slot), {@link #build} wraps the arrays once every slot is filled.
 *
 * @param <B> the batch type
 */
interface BatchJob<B> {

    int size();

    /** Loads sample {@code i} of the batch; called once per slot, from any worker thread. */
    void fill(int i);

    B build();
}
