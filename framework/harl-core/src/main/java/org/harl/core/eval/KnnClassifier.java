package org.harl.core.eval;

import java.util.stream.IntStream;

/**
 * Weighted k-nearest-neighbour classifier on L2-normalised features (the InstDisc/DINO monitor): the k most
 * cosine-similar bank entries vote for their label with weight exp(similarity / T).
 */
public final class KnnClassifier {

    private final float[][] bank;
    private final int[] labels;
    private final int classes;
    private final int k;
    private final double temperature;

    /**
     * @param bank   features, one row per labelled image (normalised here, the caller's arrays are not modified)
     * @param labels class of each row, in [0, classes)
     */
    public KnnClassifier(float[][] bank, int[] labels, int classes, int k, double temperature) {
        if (bank.length == 0 || bank.length != labels.length) {
            throw new IllegalArgumentException("kNN needs a non-empty bank with one label per row, got "
                    + bank.length + " rows and " + labels.length + " labels");
        }
        if (k < 1 || temperature <= 0 || classes < 1) {
            throw new IllegalArgumentException("k must be >= 1, temperature > 0, classes >= 1");
        }
        this.bank = new float[bank.length][];
        for (int i = 0; i < bank.length; i++) {
            this.bank[i] = normalized(bank[i]);
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("bank label " + labels[i] + " outside [0, " + classes + ")");
            }
        }
        this.labels = labels.clone();
        this.classes = classes;
        this.k = Math.min(k, bank.length);
        this.temperature = temperature;
    }

    /** The predicted class of one feature vector (ties go to the lower class index). */
    public int predict(float[] feature) {
        double[] votes = votes(feature);
        int best = 0;
        for (int c = 1; c < classes; c++) {
            if (votes[c] > votes[best]) {
                best = c;
            }
        }
        return best;
    }

    /** Each class's vote: the sum of exp(similarity / T) over the k nearest bank entries of that class. */
    public double[] votes(float[] feature) {
        float[] q = normalized(feature);
        // the k most similar entries, most similar first, ties to the lower bank index: a bounded insertion
        // instead of sorting the whole bank per query (the same entries and summation order as a stable sort)
        double[] topSim = new double[k];
        int[] topIdx = new int[k];
        int filled = 0;
        for (int i = 0; i < bank.length; i++) {
            double s = 0;
            float[] b = bank[i];
            for (int j = 0; j < q.length; j++) {
                s += q[j] * b[j];
            }
            if (filled == k && Double.compare(s, topSim[k - 1]) <= 0) {
                continue;
            }
            int at = filled < k ? filled++ : k - 1;
            while (at > 0 && Double.compare(s, topSim[at - 1]) > 0) {
                topSim[at] = topSim[at - 1];
                topIdx[at] = topIdx[at - 1];
                at--;
            }
            topSim[at] = s;
            topIdx[at] = i;
        }
        double[] votes = new double[classes];
        for (int n = 0; n < k; n++) {
            votes[labels[topIdx[n]]] += Math.exp(topSim[n] / temperature);
        }
        return votes;
    }

    /** Top-1 accuracy in [0, 1] over labelled queries. */
    public double accuracy(float[][] features, int[] truth) {
        if (features.length == 0) {
            throw new IllegalArgumentException("no test features to score");
        }
        if (features.length != truth.length) {
            throw new IllegalArgumentException(features.length + " test features but " + truth.length + " labels");
        }
        // queries are independent: score them on all cores (the training step is idle while the monitor runs)
        long correct = IntStream.range(0, features.length).parallel()
                .filter(i -> predict(features[i]) == truth[i]).count();
        return (double) correct / features.length;
    }

    static float[] normalized(float[] v) {
        double n = 0;
        for (float x : v) {
            n += x * x;
        }
        double inv = 1 / Math.max(Math.sqrt(n), 1e-12);
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] * inv);
        }
        return out;
    }
}
