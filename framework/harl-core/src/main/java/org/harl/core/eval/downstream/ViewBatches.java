package org.harl.core.eval.downstream;

import java.util.Locale;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.harl.spi.augment.Augmentation;
import org.harl.spi.data.DatasetSource;
import org.harl.spi.data.Mask;
import org.harl.spi.data.RgbImage;
import org.harl.spi.data.Sample;
import org.harl.spi.data.Split;

/**
 * Samples of a split as the encoder sees them in evaluation ({@link Augmentation#evaluationView}), with their labels
 * and, for dense tasks, their exact object masks carried through the same geometry: the mask is passed through the
 * evaluation view as a grey image and its per-channel normalisation undone, so any augmentation whose evaluation
 * view is geometry plus an affine per-channel normalisation works. Samples are loaded on {@code workers} threads.
 */
final class ViewBatches implements AutoCloseable {

    /** Images (n, 3, side, side) normalised, labels (n), masks (n, side, side) in {0, 1} or null. */
    record Batch(int size, int side, float[] images, int[] labels, float[] masks) {
    }

    private final DatasetSource dataset;
    private final Augmentation augmentation;
    private final ForkJoinPool pool;
    private final int side;
    private final float scale;
    private final float offset;

    ViewBatches(DatasetSource dataset, Augmentation augmentation, int workers) {
        this.dataset = dataset;
        this.augmentation = augmentation;
        this.pool = new ForkJoinPool(workers);
        this.side = augmentation.outputSize();
        float zero = probe(0f);
        float one = probe(1f);
        this.scale = one - zero;
        this.offset = zero;
        if (!(Math.abs(scale) > 0) || Math.abs(probe(0.5f) - (zero + one) / 2) > 1e-3 * Math.max(1, Math.abs(scale))) {
            throw new IllegalArgumentException("augmentation " + augmentation.getClass().getSimpleName()
                    + " does not normalise its evaluation view affinely per channel, so masks cannot follow it");
        }
    }

    int side() {
        return side;
    }

    /** The labels of the first {@code count} samples of a split. */
    int[] labels(Split split, int count) {
        int[] out = new int[count];
        run(() -> IntStream.range(0, count).parallel().forEach(i -> out[i] = sample(split, i).label()));
        return out;
    }

    /** The samples at {@code indices}; {@code withMasks} requires exact masks and labels >= 0. */
    Batch load(Split split, int[] indices, boolean withMasks) {
        int n = indices.length;
        int plane = side * side;
        float[] images = new float[n * 3 * plane];
        int[] labels = new int[n];
        float[] masks = withMasks ? new float[n * plane] : null;
        run(() -> IntStream.range(0, n).parallel().forEach(i -> {
            Sample s = sample(split, indices[i]);
            RgbImage v = augmentation.evaluationView(s.image());
            System.arraycopy(v.data(), 0, images, i * 3 * plane, 3 * plane);
            labels[i] = s.label();
            if (withMasks) {
                Mask m = s.groundTruth().orElseThrow(() -> new IllegalArgumentException(where(split, indices[i])
                        + " has no exact mask: segmentation and detection need a dataset with object masks "
                        + "(synthetic_objects, fashion_composites, or an image folder with masks)"));
                float[] mv = maskView(m);
                System.arraycopy(mv, 0, masks, i * plane, plane);
            }
            if (s.label() < 0) {
                throw new IllegalArgumentException(where(split, indices[i]) + " is unlabelled");
            }
        }));
        return new Batch(n, side, images, labels, masks);
    }

    /** The mask in the evaluation view's geometry, binarised at 0.5. */
    private float[] maskView(Mask m) {
        RgbImage grey = RgbImage.blank(m.width(), m.height());
        int p = m.width() * m.height();
        for (int c = 0; c < 3; c++) {
            System.arraycopy(m.data(), 0, grey.data(), c * p, p);
        }
        float[] v = augmentation.evaluationView(grey).data();
        float[] out = new float[side * side];
        for (int i = 0; i < out.length; i++) {
            out[i] = (v[i] - offset) / scale >= 0.5f ? 1f : 0f;
        }
        return out;
    }

    private float probe(float value) {
        RgbImage flat = RgbImage.blank(16, 16);
        java.util.Arrays.fill(flat.data(), value);
        RgbImage v = augmentation.evaluationView(flat);
        return v.data()[v.pixels() / 2];
    }

    private Sample sample(Split split, int index) {
        try {
            return dataset.get(split, index);
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot load " + where(split, index) + ": " + e.getMessage(), e);
        }
    }

    private static String where(Split split, int index) {
        return split.name().toLowerCase(Locale.ROOT) + " sample " + index;
    }

    private void run(Runnable task) {
        try {
            pool.submit(task).join();
        } catch (RuntimeException e) {
            Throwable c = e;
            while (c.getCause() != null && c instanceof java.util.concurrent.CompletionException) {
                c = c.getCause();
            }
            throw c instanceof RuntimeException r ? r : e;
        }
    }

    /** The first {@code count} indices, in batches. */
    static int[][] batches(int count, int batchSize) {
        int[][] out = new int[(count + batchSize - 1) / batchSize][];
        for (int b = 0; b < out.length; b++) {
            int first = b * batchSize;
            out[b] = IntStream.range(first, Math.min(count, first + batchSize)).toArray();
        }
        return out;
    }

    @Override
    public void close() {
        pool.shutdown();
    }
}
