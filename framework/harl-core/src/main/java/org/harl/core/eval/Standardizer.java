package org.harl.core.eval;

/**
 * Per-dimension standardisation (zero mean, unit variance) fitted on the training features, so that one L2 strength
 * and one step size suit every backbone. Constant dimensions keep scale 1.
 */
public final class Standardizer {

    private final double[] mean;
    private final double[] scale;

    private Standardizer(double[] mean, double[] scale) {
        this.mean = mean;
        this.scale = scale;
    }

    public static Standardizer fit(FeatureSet train) {
        int d = train.dim();
        double[] mean = new double[d];
        double[] sq = new double[d];
        float[] x = train.features();
        for (int i = 0; i < train.size(); i++) {
            for (int j = 0; j < d; j++) {
                mean[j] += x[i * d + j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= Math.max(1, train.size());
        }
        for (int i = 0; i < train.size(); i++) {
            for (int j = 0; j < d; j++) {
                double c = x[i * d + j] - mean[j];
                sq[j] += c * c;
            }
        }
        double[] scale = new double[d];
        for (int j = 0; j < d; j++) {
            double std = Math.sqrt(sq[j] / Math.max(1, train.size()));
            scale[j] = std > 1e-8 ? 1.0 / std : 1.0;
        }
        return new Standardizer(mean, scale);
    }

    public FeatureSet apply(FeatureSet set) {
        if (set.dim() != mean.length) {
            throw new IllegalArgumentException("feature dimension " + set.dim() + " differs from the fitted "
                    + mean.length);
        }
        int d = set.dim();
        float[] in = set.features();
        float[] out = new float[in.length];
        for (int i = 0; i < set.size(); i++) {
            for (int j = 0; j < d; j++) {
                out[i * d + j] = (float) ((in[i * d + j] - mean[j]) * scale[j]);
            }
        }
        return new FeatureSet(set.size(), d, out, set.labels());
    }
}
