package org.harl.core.eval.downstream;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.harl.core.train.TrainedEncoder;
import org.harl.spi.data.Mask;
import org.harl.spi.data.Split;

/**
 * Frozen C5 feature maps of a split with what the dense tasks learn from: the class of each image and its exact
 * object mask in the evaluation view.
 *
 * @param size     N
 * @param channels C
 * @param grid     g: the maps are g x g
 * @param side     S: the view (and mask) side
 * @param features (N, C, g, g)
 * @param labels   (N) object classes
 * @param masks    (N, S, S) 1 = object
 */
record DenseSplit(int size, int channels, int grid, int side, float[] features, int[] labels, byte[] masks) {

    /** Extracts the first {@code limit} samples of a split (0 = all), in batches. */
    static DenseSplit extract(TrainedEncoder encoder, ViewBatches views, long splitSize, Split split, int limit,
                              int batchSize) {
        int n = (int) (limit == 0 ? splitSize : Math.min(splitSize, limit));
        if (n == 0) {
            throw new IllegalArgumentException("the " + split.name().toLowerCase(java.util.Locale.ROOT)
                    + " split is empty");
        }
        int side = views.side();
        float[] features = null;
        int channels = encoder.featureChannels();
        int grid = 0;
        int[] labels = new int[n];
        byte[] masks = new byte[n * side * side];
        for (int[] indices : ViewBatches.batches(n, batchSize)) {
            ViewBatches.Batch b = views.load(split, indices, true);
            float[] c5;
            try (NDManager sm = encoder.manager().newSubManager()) {
                NDArray maps = encoder.c5(sm, b.images(), b.size(), side);
                grid = (int) maps.getShape().get(2);
                c5 = maps.toFloatArray();
            }
            if (features == null) {
                features = new float[n * channels * grid * grid];
            }
            int first = indices[0];
            System.arraycopy(c5, 0, features, first * channels * grid * grid, c5.length);
            System.arraycopy(b.labels(), 0, labels, first, b.size());
            for (int i = 0; i < b.masks().length; i++) {
                masks[first * side * side + i] = (byte) (b.masks()[i] >= 0.5f ? 1 : 0);
            }
        }
        return new DenseSplit(n, channels, grid, side, features, labels, masks);
    }

    /** The object mask of image {@code i}. */
    Mask mask(int i) {
        float[] d = new float[side * side];
        for (int p = 0; p < d.length; p++) {
            d[p] = masks[i * side * side + p];
        }
        return new Mask(side, side, d);
    }

    /** Per-channel mean and standard deviation over images and positions (the training split's, for heads). */
    float[][] channelStats() {
        int hw = grid * grid;
        float[] mean = new float[channels];
        float[] std = new float[channels];
        for (int c = 0; c < channels; c++) {
            double s = 0;
            double ss = 0;
            for (int i = 0; i < size; i++) {
                int base = (i * channels + c) * hw;
                for (int p = 0; p < hw; p++) {
                    double v = features[base + p];
                    s += v;
                    ss += v * v;
                }
            }
            double m = s / ((double) size * hw);
            mean[c] = (float) m;
            std[c] = (float) Math.max(Math.sqrt(Math.max(ss / ((double) size * hw) - m * m, 0)), 1e-6);
        }
        return new float[][] {mean, std};
    }

    /** The features of images {@code rows}, standardised with {@code stats}, as a new (rows, C, g, g) array. */
    float[] standardised(float[][] stats, int[] rows) {
        int hw = grid * grid;
        float[] out = new float[rows.length * channels * hw];
        for (int r = 0; r < rows.length; r++) {
            int i = rows[r];
            for (int c = 0; c < channels; c++) {
                int src = (i * channels + c) * hw;
                int dst = (r * channels + c) * hw;
                for (int p = 0; p < hw; p++) {
                    out[dst + p] = (features[src + p] - stats[0][c]) / stats[1][c];
                }
            }
        }
        return out;
    }
}
