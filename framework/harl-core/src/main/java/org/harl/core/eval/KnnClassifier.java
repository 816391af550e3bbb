package org.harl.core.eval;

import java.util.Arrays;

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
        double[] sims = new double[bank.length];
        for (int i = 0; i < bank.length; i++) {
            double s = 0;
            float[] b = bank[i];
            for (int j = 0; j < q.length; j++) {
                s += q[j] * b[j];
            }
            sims[i] = s;
        }
        Integer[] order = new Integer[bank.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(sims[b], sims[a]));
        double[] votes = new double[classes];
        for (int n = 0; n < k; n++) {
            int i = order[n];
            votes[labels[i]] += Math.exp(sims[i] / temperature);
        }
        return votes;
    }

    /** Top-1 accuracy in [0, 1] over labelled queries. */
    public double accuracy(float[][] features, int[] truth) {
        if (features.length == 0) {
            throw new IllegalArgumentException("no test features to score");
        }
        int correct = 0;
        for (int i = 0; i < features.length; i++) {
            if (predict(features[i]) == truth[i]) {
                correct++;
            }
        }
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
