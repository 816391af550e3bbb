package org.harl.core.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.harl.core.data.EvalBatch;

/** Features and labels of a labelled split, collected batch by batch through a frozen encoder. */
public record KnnFeatures(float[][] features, int[] labels) {

    public static KnnFeatures collect(Iterable<EvalBatch> batches, Function<EvalBatch, float[][]> encoder) {
        List<float[]> rows = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (EvalBatch b : batches) {
            float[][] f = encoder.apply(b);
            for (int i = 0; i < b.size(); i++) {
                rows.add(f[i]);
                labels.add(b.labels()[i]);
            }
        }
        return new KnnFeatures(rows.toArray(new float[0][]), labels.stream().mapToInt(Integer::intValue).toArray());
    }

    /**
     * kNN top-1 accuracy of {@code test} against the {@code bank}.
     *
     * @param classes number of classes (labels must lie in [0, classes))
     */
    public static double accuracy(KnnFeatures bank, KnnFeatures test, int classes, int k, double temperature) {
        return new KnnClassifier(bank.features(), bank.labels(), classes, k, temperature)
                .accuracy(test.features(), test.labels());
    }
}
