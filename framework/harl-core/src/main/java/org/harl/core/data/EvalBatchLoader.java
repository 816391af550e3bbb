package org.harl.core.data;

import java.util.Iterator;
import java.util.Objects;
import org.harl.spi.augment.Augmentation;
import org.harl.spi.data.DatasetSource;
import org.harl.spi.data.RgbImage;
import org.harl.spi.data.Sample;
import org.harl.spi.data.Split;

/**
 * Evaluation batches: the first {@code limit} samples of a split in index order (0 = all), each through
 * {@link Augmentation#evaluationView}. The last batch may be smaller. Each iteration uses its own worker threads,
 * which exit once idle for a second, so an abandoned iteration leaks nothing.
 */
public final class EvalBatchLoader implements Iterable<EvalBatch> {

    private static final long IDLE_MS = 1000;

    private final DatasetSource dataset;
    private final Augmentation augmentation;
    private final Split split;
    private final long count;
    private final int batchSize;
    private final int workers;

    public EvalBatchLoader(DatasetSource dataset, Augmentation augmentation, Split split, int limit, int batchSize,
                           int workers) {
        this.dataset = Objects.requireNonNull(dataset, "dataset");
        this.augmentation = Objects.requireNonNull(augmentation, "augmentation");
        this.split = Objects.requireNonNull(split, "split");
        if (limit < 0 || batchSize < 1 || workers < 1) {
            throw new IllegalArgumentException("limit must be >= 0, batch size and workers >= 1, got " + limit + ", "
                    + batchSize + ", " + workers);
        }
        long size = dataset.size(split);
        this.count = limit == 0 ? size : Math.min(size, limit);
        this.batchSize = batchSize;
        this.workers = workers;
    }

    /** Number of samples the iteration yields. */
    public long size() {
        return count;
    }

    @Override
    public Iterator<EvalBatch> iterator() {
        int batches = (int) ((count + batchSize - 1) / batchSize);
        WorkerPool pool = WorkerPool.create("harl-eval", workers, IDLE_MS);
        PrefetchingBatchIterator<EvalBatch> it = new PrefetchingBatchIterator<>(pool, workers, EvalJob::new, 0,
                batches, 2);
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                boolean more = it.hasNext();
                if (!more) {
                    pool.shutdown();
                }
                return more;
            }

            @Override
            public EvalBatch next() {
                try {
                    return it.next();
                } catch (RuntimeException e) {
                    pool.shutdownNow();
                    throw e;
                }
            }
        };
    }

    private final class EvalJob implements BatchJob<EvalBatch> {
        private final long first;
        private final int n;
        private final int side = augmentation.outputSize();
        private final float[] images;
        private final int[] labels;

        EvalJob(int batch) {
            first = (long) batch * batchSize;
            n = (int) Math.min(batchSize, count - first);
            images = new float[n * 3 * side * side];
            labels = new int[n];
        }

        @Override
        public int size() {
            return n;
        }

        @Override
        public void fill(int i) {
            long index = first + i;
            Sample s;
            try {
                s = dataset.get(split, index);
            } catch (RuntimeException e) {
                throw new IllegalStateException("cannot load " + split.name().toLowerCase(java.util.Locale.ROOT)
                        + " sample " + index + ": " + e.getMessage(), e);
            }
            RgbImage v = augmentation.evaluationView(s.image());
            if (v.width() != side || v.height() != side) {
                throw new IllegalStateException("evaluation view is " + v.width() + "x" + v.height() + ", expected "
                        + side + "x" + side);
            }
            System.arraycopy(v.data(), 0, images, i * 3 * side * side, 3 * side * side);
            labels[i] = s.label();
        }

        @Override
        public EvalBatch build() {
            return new EvalBatch(n, side, images, labels);
        }
    }
}
