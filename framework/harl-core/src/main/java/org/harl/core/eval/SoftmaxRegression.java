package org.harl.core.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveTask;

/**
 * Multinomial logistic regression: mean cross-entropy of softmax(W x + b) plus (l2 / 2) ||W||^2 (bias not
 * regularised). Parameters are one vector: W row-major (C, D), then b (C). Rows are processed in parallel chunks.
 */
final class SoftmaxRegression implements Lbfgs.Objective {

    private static final int CHUNK = 512;

    private final FeatureSet data;
    private final int classes;
    private final double l2;

    SoftmaxRegression(FeatureSet data, int classes, double l2) {
        this.data = data;
        this.classes = classes;
        this.l2 = l2;
    }

    int parameterCount() {
        return classes * data.dim() + classes;
    }

    @Override
    public double valueAndGradient(double[] w, double[] gradient) {
        Partial total = ForkJoinPool.commonPool().invoke(new Chunk(w, 0, data.size()));
        int wSize = classes * data.dim();
        double n = Math.max(1, data.size());
        double loss = total.loss / n;
        for (int i = 0; i < gradient.length; i++) {
            gradient[i] = total.gradient[i] / n;
        }
        for (int i = 0; i < wSize; i++) {
            loss += 0.5 * l2 * w[i] * w[i];
            gradient[i] += l2 * w[i];
        }
        return loss;
    }

    /** Scores (N, C) of a feature set under parameters {@code w}. */
    float[] scores(double[] w, FeatureSet set) {
        int d = set.dim();
        float[] out = new float[set.size() * classes];
        double[] logits = new double[classes];
        for (int i = 0; i < set.size(); i++) {
            logits(w, set.features(), i * d, d, logits);
            for (int c = 0; c < classes; c++) {
                out[i * classes + c] = (float) logits[c];
            }
        }
        return out;
    }

    private void logits(double[] w, float[] x, int offset, int d, double[] out) {
        int biasOffset = classes * d;
        for (int c = 0; c < classes; c++) {
            double s = w[biasOffset + c];
            int row = c * d;
            for (int j = 0; j < d; j++) {
                s += w[row + j] * x[offset + j];
            }
            out[c] = s;
        }
    }

    private record Partial(double loss, double[] gradient) {
    }

    private final class Chunk extends RecursiveTask<Partial> {
        private final double[] w;
        private final int from;
        private final int to;

        Chunk(double[] w, int from, int to) {
            this.w = w;
            this.from = from;
            this.to = to;
        }

        @Override
        protected Partial compute() {
            if (to - from > CHUNK) {
                List<Chunk> parts = new ArrayList<>();
                int mid = (from + to) >>> 1;
                parts.add(new Chunk(w, from, mid));
                parts.add(new Chunk(w, mid, to));
                invokeAll(parts);
                Partial a = parts.get(0).join();
                Partial b = parts.get(1).join();
                for (int i = 0; i < a.gradient.length; i++) {
                    a.gradient[i] += b.gradient[i];
                }
                return new Partial(a.loss + b.loss, a.gradient);
            }
            int d = data.dim();
            float[] x = data.features();
            int[] y = data.labels();
            double[] grad = new double[parameterCount()];
            double[] z = new double[classes];
            double loss = 0;
            int biasOffset = classes * d;
            for (int i = from; i < to; i++) {
                logits(w, x, i * d, d, z);
                double max = Double.NEGATIVE_INFINITY;
                for (double v : z) {
                    max = Math.max(max, v);
                }
                double sum = 0;
                for (int c = 0; c < classes; c++) {
                    z[c] = Math.exp(z[c] - max);
                    sum += z[c];
                }
                loss -= Math.log(z[y[i]] / sum);
                for (int c = 0; c < classes; c++) {
                    double coef = z[c] / sum - (c == y[i] ? 1 : 0);
                    if (coef == 0) {
                        continue;
                    }
                    int row = c * d;
                    for (int j = 0; j < d; j++) {
                        grad[row + j] += coef * x[i * d + j];
                    }
                    grad[biasOffset + c] += coef;
                }
            }
            return new Partial(loss, grad);
        }
    }
}
