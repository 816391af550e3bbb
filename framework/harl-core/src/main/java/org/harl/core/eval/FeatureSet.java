package org.harl.core.eval;

import java.util.Arrays;

/**
 * Labelled feature vectors of one split, row-major.
 *
 * @param size     N
 * @param dim      D
 * @param features (N, D)
 * @param labels   (N) class indices
 */
public record FeatureSet(int size, int dim, float[] features, int[] labels) {

    public FeatureSet {
        if (size < 0 || dim < 1) {
            throw new IllegalArgumentException("size must be >= 0 and dim >= 1, got " + size + " x " + dim);
        }
        if (features.length != (long) size * dim || labels.length != size) {
            throw new IllegalArgumentException("expected " + size + " x " + dim + " features and " + size
                    + " labels, got " + features.length + " values and " + labels.length + " labels");
        }
    }

    /** 1 + the largest label (0 for an empty set). */
    public int numClasses() {
        return Arrays.stream(labels).max().orElse(-1) + 1;
    }

    /** Row {@code i} as a new array. */
    public float[] row(int i) {
        return Arrays.copyOfRange(features, i * dim, (i + 1) * dim);
    }

    /** The rows as separate arrays (the layout of {@link KnnClassifier}). */
    public float[][] rows() {
        float[][] out = new float[size][];
        for (int i = 0; i < size; i++) {
            out[i] = row(i);
        }
        return out;
    }

    /** Features collected by {@link KnnFeatures#collect}, flattened. */
    public static FeatureSet of(KnnFeatures collected) {
        float[][] rows = collected.features();
        if (rows.length == 0) {
            throw new IllegalArgumentException("no features: the split is empty");
        }
        int dim = rows[0].length;
        float[] flat = new float[rows.length * dim];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * dim, dim);
        }
        return new FeatureSet(rows.length, dim, flat, collected.labels());
    }
}
