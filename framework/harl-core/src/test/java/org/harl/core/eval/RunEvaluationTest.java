package org.harl.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.harl.spi.data.Split;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunEvaluationTest {

    @TempDir
    Path runDir;

    private final List<String> extracted = new ArrayList<>();

    /** Two classes on two axes; train and test differ only in size. */
    private final RunEvaluation.FeatureSource source = new RunEvaluation.FeatureSource() {
        @Override
        public long step() {
            return 42;
        }

        @Override
        public Map<String, Object> datasetConfig() {
            return Map.of("type", "fake");
        }

        @Override
        public FeatureSet extract(Split split, int limit) {
            extracted.add(split + "/" + limit);
            int n = split == Split.TRAIN ? 20 : 10;
            float[] x = new float[2 * n];
            int[] y = new int[n];
            for (int i = 0; i < n; i++) {
                y[i] = i % 2;
                x[2 * i + y[i]] = 1 + 0.01f * i;
            }
            return new FeatureSet(n, 2, x, y);
        }
    };

    private final List<Integer> knnCalls = new ArrayList<>();
    private final RunEvaluation.KnnScorer fakeKnn = (bank, test, k, t) -> {
        knnCalls.add(k);
        assertEquals(20, bank.size());
        assertEquals(10, test.size());
        return new double[] {k / 1000.0, 1.0};
    };

    @Test
    void writesLinearAndKnnKeysAndCachesFeatures() throws Exception {
        StringWriter log = new StringWriter();
        RunEvaluation eval = new RunEvaluation(fakeKnn, new PrintWriter(log, true));
        RunEvaluation.Options options = new RunEvaluation.Options(true, List.of(20, 200), 0.07,
                LinearProbe.Options.defaults(), 0, 0);
        Map<String, Object> out = eval.evaluate(source, new FeatureCache(runDir), options);
        assertEquals(1.0, out.get("linear_top1"));
        assertEquals(1.0, out.get("linear_top5"));
        assertEquals(0.02, out.get("knn20_top1"));
        assertEquals(0.2, out.get("knn200_top1"));
        assertEquals(0.02, out.get("knn_top1"), "knn_top1 is the first k");
        assertEquals(20, out.get("knn_k"));
        assertEquals(42L, out.get("eval_step"));
        assertEquals(List.of(20, 200), knnCalls);
        assertTrue(log.toString().contains("linear probe: top-1 100.00 %"), log.toString());

        eval.evaluate(source, new FeatureCache(runDir), options);
        assertEquals(List.of("TRAIN/0", "TEST/0"), extracted, "second evaluation reads the cache");
    }

    @Test
    void knnOnlySkipsTheProbe() throws Exception {
        Map<String, Object> out = new RunEvaluation(fakeKnn, new PrintWriter(new StringWriter()))
                .evaluate(source, new FeatureCache(runDir),
                        new RunEvaluation.Options(false, List.of(5), 0.1, LinearProbe.Options.defaults(), 0, 0));
        assertEquals(null, out.get("linear_top1"));
        assertEquals(0.005, out.get("knn_top1"));
    }

    @Test
    void rejectsAnEmptyRequest() {
        assertThrows(IllegalArgumentException.class, () -> new RunEvaluation.Options(false, List.of(), 0.07,
                LinearProbe.Options.defaults(), 0, 0));
    }
}
