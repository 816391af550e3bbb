package org.harl.plugins.masks;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A trained regression forest in flat arrays, for fast prediction and a small resource file. Trained with Tribuo
 * ({@link ForestTrainer}) and converted, since Tribuo's per-example prediction path (feature-name maps, sparse
 * vectors) costs far more than the walk itself. Prediction = mean of the trees' leaf values; a split sends
 * {@code x[feature] <= threshold} left, like Tribuo.
 *
 * <p>File format: gzip of magic "HRF2", the {@link ModelProvenance} (int length + UTF-8 {@code key=value} lines),
 * then the trees. Files with the older magic "HRF1" (no provenance) are still read, with provenance "unknown".
 */
public final class RegressionForest {

    private static final int MAGIC_V1 = 0x48524631; // "HRF1": no provenance
    private static final int MAGIC = 0x48524632; // "HRF2": provenance after the magic
    private static final int MAX_PROVENANCE_BYTES = 1 << 16;

    private final int dimension;
    private final short[][] feature; // -1 at leaves
    private final float[][] value; // split threshold, or the leaf output
    private final int[][] left;
    private final int[][] right;
    private final ModelProvenance provenance;

    RegressionForest(int dimension, short[][] feature, float[][] value, int[][] left, int[][] right) {
        this(dimension, feature, value, left, right, ModelProvenance.unknown());
    }

    private RegressionForest(int dimension, short[][] feature, float[][] value, int[][] left, int[][] right,
            ModelProvenance provenance) {
        this.provenance = provenance;
        this.dimension = dimension;
        this.feature = feature;
        this.value = value;
        this.left = left;
        this.right = right;
    }

    /** Where this forest came from ("unknown" for files written before provenance was recorded). */
    public ModelProvenance provenance() {
        return provenance;
    }

    /** The same trees with {@code provenance} attached (written by {@link #write}). */
    public RegressionForest withProvenance(ModelProvenance provenance) {
        return new RegressionForest(dimension, feature, value, left, right, provenance);
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

    /** One forest holding all trees of {@code parts} (same dimension), with unknown provenance. */
    static RegressionForest concat(List<RegressionForest> parts) {
        int dim = parts.get(0).dimension;
        List<RegressionForest> all = new ArrayList<>(parts);
        int n = all.stream().mapToInt(RegressionForest::trees).sum();
        short[][] f = new short[n][];
        float[][] v = new float[n][];
        int[][] l = new int[n][];
        int[][] r = new int[n][];
        int t = 0;
        for (RegressionForest p : all) {
            if (p.dimension != dim) {
                throw new IllegalArgumentException("forests of " + dim + " and " + p.dimension + " features");
            }
            for (int i = 0; i < p.trees(); i++, t++) {
                f[t] = p.feature[i];
                v[t] = p.value[i];
                l[t] = p.left[i];
                r[t] = p.right[i];
            }
        }
        return new RegressionForest(dim, f, v, l, r);
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
            byte[] p = provenance.encode().getBytes(StandardCharsets.UTF_8);
            d.writeInt(p.length);
            d.write(p);
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
            int magic = d.readInt();
            ModelProvenance provenance;
            if (magic == MAGIC) {
                int n = d.readInt();
                if (n < 0 || n > MAX_PROVENANCE_BYTES) {
                    throw new IOException(source + ": corrupt provenance record (" + n + " bytes)");
                }
                byte[] p = new byte[n];
                d.readFully(p);
                provenance = ModelProvenance.decode(new String(p, StandardCharsets.UTF_8), source);
            } else if (magic == MAGIC_V1) {
                provenance = ModelProvenance.unknown();
            } else {
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
            return new RegressionForest(dim, f, v, l, r, provenance);
        }
    }
}
