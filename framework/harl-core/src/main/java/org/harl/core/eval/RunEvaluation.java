package org.harl.core.eval;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.harl.spi.data.Split;

/**
 * The evaluations of a trained run on frozen features: the linear probe and/or weighted kNN for several k.
 * Features come from a {@link FeatureSource} through the run's {@link FeatureCache}; results are the summary keys
 * {@code linear_top1, linear_top5, linear_train_top1, linear_iterations, linear_converged} and
 * {@code knn<k>_top1, knn<k>_top5} per k, with {@code knn_top1, knn_top5} for the first k.
 */
public final class RunEvaluation {

    /** Frozen features of the labelled splits of the run's evaluation dataset. */
    public interface FeatureSource {
        /** Checkpoint step the features come from (part of the cache key). */
        long step();

        /** Dataset config used for evaluation (part of the cache key). */
        Map<String, Object> datasetConfig();

        /** Features of up to {@code limit} samples of a split (0 = all). */
        FeatureSet extract(Split split, int limit) throws Exception;
    }

    /** Weighted kNN: top-1 and top-5 accuracy of {@code test} against the {@code bank}. */
    @FunctionalInterface
    public interface KnnScorer {
        double[] top1Top5(FeatureSet bank, FeatureSet test, int k, double temperature);
    }

    /**
     * @param linear      run the linear probe
     * @param ks          kNN neighbour counts; empty = no kNN
     * @param temperature kNN vote temperature
     * @param probe       linear probe options
     * @param trainLimit  training samples used (0 = all)
     * @param testLimit   test samples scored (0 = all)
     */
    public record Options(boolean linear, List<Integer> ks, double temperature, LinearProbe.Options probe,
                          int trainLimit, int testLimit) {
        public Options {
            ks = List.copyOf(ks);
            if (!linear && ks.isEmpty()) {
                throw new IllegalArgumentException("nothing to evaluate: neither linear nor kNN requested");
            }
            if (ks.stream().anyMatch(k -> k < 1) || temperature <= 0 || trainLimit < 0 || testLimit < 0) {
                throw new IllegalArgumentException("k must be >= 1, temperature > 0, limits >= 0");
            }
        }
    }

    private final KnnScorer knn;
    private final PrintWriter log;

    public RunEvaluation(KnnScorer knn, PrintWriter log) {
        this.knn = knn;
        this.log = log;
    }

    public Map<String, Object> evaluate(FeatureSource source, FeatureCache cache, Options options) throws Exception {
        long start = System.nanoTime();
        FeatureSet train = cache.getOrCompute(source.step(), source.datasetConfig(), Split.TRAIN,
                options.trainLimit(), () -> source.extract(Split.TRAIN, options.trainLimit()));
        FeatureSet test = cache.getOrCompute(source.step(), source.datasetConfig(), Split.TEST,
                options.testLimit(), () -> source.extract(Split.TEST, options.testLimit()));
        log.printf("features: %d train, %d test, dimension %d (step %d, %.1f s)%n", train.size(), test.size(),
                train.dim(), source.step(), (System.nanoTime() - start) / 1e9);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("eval_step", source.step());
        if (options.linear()) {
            long t = System.nanoTime();
            LinearProbe.Result r = new LinearProbe(options.probe()).fitAndScore(train, test);
            out.put("linear_top1", r.top1());
            out.put("linear_top5", r.top5());
            out.put("linear_train_top1", r.trainTop1());
            out.put("linear_iterations", r.iterations());
            out.put("linear_converged", r.converged());
            log.printf("linear probe: top-1 %.2f %%, top-5 %.2f %% (train top-1 %.2f %%, %d L-BFGS iterations%s, "
                    + "%.1f s)%n", 100 * r.top1(), 100 * r.top5(), 100 * r.trainTop1(), r.iterations(),
                    r.converged() ? "" : ", NOT converged", (System.nanoTime() - t) / 1e9);
        }
        for (int i = 0; i < options.ks().size(); i++) {
            int k = options.ks().get(i);
            double[] acc = knn.top1Top5(train, test, k, options.temperature());
            out.put("knn" + k + "_top1", acc[0]);
            out.put("knn" + k + "_top5", acc[1]);
            if (i == 0) {
                out.put("knn_top1", acc[0]);
                out.put("knn_top5", acc[1]);
                out.put("knn_k", k);
            }
            log.printf("kNN k=%d T=%s: top-1 %.2f %%, top-5 %.2f %%%n", k, options.temperature(), 100 * acc[0],
                    100 * acc[1]);
        }
        log.flush();
        return out;
    }
}
