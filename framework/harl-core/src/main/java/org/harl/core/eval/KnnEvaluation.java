package org.harl.core.eval;

/** kNN accuracy of a test set against a labelled bank: top-1 as the classifier predicts, top-5 from its votes. */
public final class KnnEvaluation {

    private KnnEvaluation() {
    }

    /** {top-1, top-5} in [0, 1]; top-5 is top-C when there are fewer than 5 classes. */
    public static double[] top1Top5(FeatureSet bank, FeatureSet test, int k, double temperature) {
        int classes = Math.max(bank.numClasses(), test.numClasses());
        KnnClassifier knn = new KnnClassifier(bank.rows(), bank.labels(), classes, k, temperature);
        float[][] queries = test.rows();
        float[] votes = new float[test.size() * classes];
        for (int i = 0; i < queries.length; i++) {
            double[] v = knn.votes(queries[i]);
            for (int c = 0; c < classes; c++) {
                votes[i * classes + c] = (float) v[c];
            }
        }
        return new double[] {knn.accuracy(queries, test.labels()),
            TopK.accuracy(votes, classes, test.labels(), Math.min(5, classes))};
    }
}
