package org.harl.plugins.masks;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A trained regression forest in flat arrays, for fast prediction and a small resource file. Trained with Tribuo
 * ({@link ForestTrainer}) and converted, since Tribuo's per-example prediction path (feature-name maps, sparse
 * vectors) costs far more than the walk itself. Prediction = mean of the trees' leaf values; a split sends
 * {@code x[feature] <= threshold} left, like Tribuo.
 */
public final class RegressionForest {

    private static final int MAGIC = 0x48524631; // "HRF1"

    private final int dimension;
    private final short[][] feature; // -1 at leaves
    private final float[][] value; // split threshold, or the leaf output
    private final int[][] left;
    private final int[][] right;

    RegressionForest(int dimension, short[][] feature, float[][] value, int[][] left, int[][] right) {
        this.dimension = dimension;
        this.feature = feature;
        this.value = value;
        this.left = left;
        this.right = right;
    }

    public int dimension() {
        return dimension;
    }

    public int trees() {
        return feature.length;
    }

    public int nodes() {
        int s = 0;
        for (short[] f : feature) {
            s += f.length;
        }
        return s;
    }

    /** The forest's output for one feature vector of {@link #dimension()} values. */
    public double predict(double[] x) {
        if (x.length != dimension) {
            throw new IllegalArgumentException("forest expects " + dimension + " features, got " + x.length);
        }
        double sum = 0;
        for (int t = 0; t < feature.length; t++) {
            short[] f = feature[t];
            float[] v = value[t];
            int node = 0;
            while (f[node] >= 0) {
                node = x[f[node]] <= v[node] ? left[t][node] : right[t][node];
            }
            sum += v[node];
        }
        return sum / feature.length;
    }

    /** Writes the forest, gzip-compressed. */
    public void write(OutputStream out) throws IOException {
        try (DataOutputStream d = new DataOutputStream(new BufferedOutputStream(new GZIPOutputStream(out)))) {
            d.writeInt(MAGIC);
            d.writeInt(dimension);
            d.writeInt(feature.length);
            for (int t = 0; t < feature.length; t++) {
                d.writeInt(feature[t].length);
                for (int i = 0; i < feature[t].length; i++) {
                    d.writeShort(feature[t][i]);
                    d.writeFloat(value[t][i]);
                    if (feature[t][i] >= 0) {
                        d.writeInt(left[t][i]);
                        d.writeInt(right[t][i]);
                    }
                }
            }
        }
    }

    /** Reads a forest written by {@link #write}; {@code source} names it in errors. */
    public static RegressionForest read(InputStream in, String source) throws IOException {
        try (DataInputStream d = new DataInputStream(new BufferedInputStream(new GZIPInputStream(in)))) {
            if (d.readInt() != MAGIC) {
                throw new IOException(source + ": not a harl regression forest (bad magic number)");
            }
            int dim = d.readInt();
            int trees = d.readInt();
            if (dim <= 0 || trees <= 0 || trees > 100_000) {
                throw new IOException(source + ": corrupt forest header (dimension " + dim + ", trees " + trees + ")");
            }
            short[][] f = new short[trees][];
            float[][] v = new float[trees][];
            int[][] l = new int[trees][];
            int[][] r = new int[trees][];
            for (int t = 0; t < trees; t++) {
                int n = d.readInt();
                f[t] = new short[n];
                v[t] = new float[n];
                l[t] = new int[n];
                r[t] = new int[n];
                for (int i = 0; i < n; i++) {
                    f[t][i] = d.readShort();
                    v[t][i] = d.readFloat();
                    if (f[t][i] >= dim) {
                        throw new IOException(source + ": tree " + t + " splits on feature " + f[t][i] + " >= " + dim);
                    }
                    if (f[t][i] >= 0) {
                        l[t][i] = d.readInt();
                        r[t][i] = d.readInt();
                        if (l[t][i] <= i || r[t][i] <= i || l[t][i] >= n || r[t][i] >= n) {
                            throw new IOException(source + ": tree " + t + " node " + i + " has bad children");
                        }
                    }
                }
            }
            return new RegressionForest(dim, f, v, l, r);
        }
    }
}
