package org.harl.core.eval;

/** Top-k accuracy from class scores. */
public final class TopK {

    private TopK() {
    }

    /**
     * Fraction of rows whose true class is among the {@code k} highest scores. A row counts as correct when fewer
     * than {@code k} classes score strictly higher than the true class (ties resolve in the sample's favour).
     *
     * @param scores (N, C) row-major
     * @param labels (N)
     */
    public static double accuracy(float[] scores, int numClasses, int[] labels, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
        if (scores.length != (long) labels.length * numClasses) {
            throw new IllegalArgumentException("expected " + labels.length + " x " + numClasses + " scores, got "
                    + scores.length);
        }
        if (labels.length == 0) {
            return Double.NaN;
        }
        int correct = 0;
        for (int i = 0; i < labels.length; i++) {
            int label = labels[i];
            if (label < 0 || label >= numClasses) { // a class the classifier never saw cannot be predicted
                continue;
            }
            float truth = scores[i * numClasses + label];
            int higher = 0;
            for (int c = 0; c < numClasses && higher < k; c++) {
                if (scores[i * numClasses + c] > truth) {
                    higher++;
                }
            }
            if (higher < k) {
                correct++;
            }
        }
        return correct / (double) labels.length;
    }
}
