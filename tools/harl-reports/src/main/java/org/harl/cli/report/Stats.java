package org.harl.cli.report;

import java.util.List;

/**
 * Mean and sample standard deviation (n - 1) of some values.
 *
 * @param std 0 for a single value, NaN for none
 */
public record Stats(int n, double mean, double std) {

    public static Stats of(List<Double> values) {
        int n = values.size();
        if (n == 0) {
            return new Stats(0, Double.NaN, Double.NaN);
        }
        double mean = values.stream().mapToDouble(Double::doubleValue).sum() / n;
        double ss = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
        return new Stats(n, mean, n > 1 ? Math.sqrt(ss / (n - 1)) : 0);
    }
}
