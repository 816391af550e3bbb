package org.harl.core.data;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.harl.spi.augment.Augmentation;
import org.harl.spi.augment.View;
import org.harl.spi.data.SeedMixer;
import org.harl.spi.data.DatasetSource;
import org.harl.spi.data.Mask;
import org.harl.spi.data.RgbImage;
import org.harl.spi.data.Sample;
import org.harl.spi.data.Split;
import org.harl.spi.mask.MaskProposer;

/**
 * Training batches of two augmented views from the TRAIN split.
 *
 * <p>Determinism: the order of epoch {@code e} is a permutation drawn from (seed, e); the sample at position
 * {@code p} of the epoch is augmented with a random stream derived from (seed, e, p) only. Batches are therefore
 * identical for any number of workers and any timing, and {@link #epoch(int, int)} can resume mid-epoch.
 *
 * <p>Masks come only from the proposer; without one the dataset's ground truth is ignored and the batch masks are
 * null. Memory is bounded: at most {@code prefetch} batches are in flight.
 */
public final class PairBatchLoader implements PairBatchSource {

    private final DatasetSource dataset;
    private final MaskProposer masks;
    private final Augmentation augmentation;
    private final int batchSize;
    private final int stepsPerEpoch;
    private final long seed;
    private final int workers;
    private final int prefetch;
    private final EpochOrder order;
    private final WorkerPool pool;
    private final AtomicLong samplesLoaded = new AtomicLong();
    private final AtomicLong emptyMasks = new AtomicLong();
    private PrefetchingBatchIterator<PairBatch> current;
    private boolean closed;

    /**
     * @param stepsPerEpoch batches per epoch; 0 = size of the TRAIN split / batch size (the incomplete last batch
     *                      is dropped)
     */
    public PairBatchLoader(DatasetSource dataset, Optional<MaskProposer> masks, Augmentation augmentation,
                           int batchSize, int stepsPerEpoch, long seed, int workers, int prefetch) {
        this.dataset = Objects.requireNonNull(dataset, "dataset");
        this.masks = Objects.requireNonNull(masks, "masks").orElse(null);
        this.augmentation = Objects.requireNonNull(augmentation, "augmentation");
        if (batchSize < 1 || workers < 1 || prefetch < 1 || stepsPerEpoch < 0) {
            throw new IllegalArgumentException("batch size, workers and prefetch must be >= 1 and steps per epoch >= 0,"
                    + " got " + batchSize + ", " + workers + ", " + prefetch + ", " + stepsPerEpoch);
        }
        long size = dataset.size(Split.TRAIN);
        if (size == 0) {
            throw new IllegalArgumentException("the dataset has no training samples");
        }
        if (stepsPerEpoch == 0 && size < batchSize) {
            throw new IllegalArgumentException("the training split has " + size + " samples, fewer than one batch of "
                    + batchSize + "; lower batch_size or set steps_per_epoch");
        }
        this.batchSize = batchSize;
        this.stepsPerEpoch = stepsPerEpoch > 0 ? stepsPerEpoch : (int) Math.min(Integer.MAX_VALUE, size / batchSize);
        this.seed = seed;
        this.workers = workers;
        this.prefetch = prefetch;
        this.order = new EpochOrder(seed, size);
        this.pool = WorkerPool.create("harl-data", workers, 0);
    }

    @Override
    public int stepsPerEpoch() {
        return stepsPerEpoch;
    }

    /** Side of the square views. */
    public int side() {
        return augmentation.outputSize();
    }

    /**
     * The batches of {@code epoch} from step {@code fromStep}. Starting a new epoch iterator abandons the previous
     * one (its prefetched batches are dropped).
     */
    @Override
    public synchronized Iterator<PairBatch> epoch(int epoch, int fromStep) {
        if (closed) {
            throw new IllegalStateException("the data loader is closed");
        }
        if (epoch < 0 || fromStep < 0 || fromStep > stepsPerEpoch) {
            throw new IllegalArgumentException("epoch must be >= 0 and from_step in [0, " + stepsPerEpoch + "], got "
                    + epoch + ", " + fromStep);
        }
        if (current != null) {
            current.cancel();
        }
        current = new PrefetchingBatchIterator<>(pool, workers, step -> new PairJob(epoch, step), fromStep,
                stepsPerEpoch, prefetch);
        return current;
    }

    @Override
    public Map<String, Long> counters() {
        Map<String, Long> c = new LinkedHashMap<>(dataset.counters());
        c.put("samples_loaded", samplesLoaded.get());
        if (masks != null) {
            c.put("empty_masks", emptyMasks.get());
        }
        return c;
    }

    /** Stops the workers (idempotent). The dataset and proposer belong to the caller and stay open. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (current != null) {
            current.cancel();
        }
        pool.stop();
    }

    /** One batch: indices fixed at creation (on the caller's thread), samples filled by the workers. */
    private final class PairJob implements BatchJob<PairBatch> {
        private final int epoch;
        private final int step;
        private final long[] indices = new long[batchSize];
        private final int side = augmentation.outputSize();
        private final int plane = side * side;
        private final float[] view1 = new float[batchSize * 3 * plane];
        private final float[] view2 = new float[batchSize * 3 * plane];
        private final float[] mask1 = masks == null ? null : new float[batchSize * plane];
        private final float[] mask2 = masks == null ? null : new float[batchSize * plane];
        private final int[] labels = new int[batchSize];

        PairJob(int epoch, int step) {
            this.epoch = epoch;
            this.step = step;
            for (int i = 0; i < batchSize; i++) {
                indices[i] = order.index(epoch, (long) step * batchSize + i);
            }
        }

        @Override
        public int size() {
            return batchSize;
        }

        @Override
        public void fill(int i) {
            long position = (long) step * batchSize + i;
            Sample sample;
            try {
                sample = dataset.get(Split.TRAIN, indices[i]);
            } catch (RuntimeException e) {
                throw new IllegalStateException("cannot load training sample " + indices[i] + ": " + e.getMessage(), e);
            }
            Mask mask = null;
            if (masks != null) {
                mask = masks.propose(sample);
                if (mask.foregroundFraction() <= 0) {
                    emptyMasks.incrementAndGet();
                }
            }
            SplittableRandom rng = SeedMixer.random(seed, epoch, position);
            SplittableRandom rng1 = rng.split();
            SplittableRandom rng2 = rng.split();
            View a = augmentation.apply(sample.image(), mask, 0, rng1);
            View b = augmentation.apply(sample.image(), mask, 1, rng2);
            copy(a.image(), view1, i);
            copy(b.image(), view2, i);
            if (masks != null) {
                copyMask(a.mask(), mask1, i);
                copyMask(b.mask(), mask2, i);
            }
            labels[i] = sample.label();
            samplesLoaded.incrementAndGet();
        }

        private void copy(RgbImage image, float[] target, int i) {
            if (image.width() != side || image.height() != side) {
                throw new IllegalStateException("augmentation returned a " + image.width() + "x" + image.height()
                        + " view, expected " + side + "x" + side);
            }
            System.arraycopy(image.data(), 0, target, i * 3 * plane, 3 * plane);
        }

        private void copyMask(Mask mask, float[] target, int i) {
            if (mask == null || mask.width() != side || mask.height() != side) {
                throw new IllegalStateException("augmentation returned no " + side + "x" + side + " mask");
            }
            System.arraycopy(mask.data(), 0, target, i * plane, plane);
        }

        @Override
        public PairBatch build() {
            return new PairBatch(batchSize, side, view1, view2, mask1, mask2, labels, epoch, step);
        }
    }
}
