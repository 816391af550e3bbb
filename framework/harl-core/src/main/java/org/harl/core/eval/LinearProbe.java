package org.harl.core.eval;

import java.util.Arrays;

/**
 * The linear evaluation protocol on frozen features: standardise with training statistics, fit an L2-regularised
 * multinomial logistic regression with full-batch L-BFGS to convergence, report top-1 and top-5 on the test set.
 */
public final class LinearProbe {

    /**
     * @param l2                L2 strength on the weights (standardised features)
     * @param maxIterations     L-BFGS iteration cap
     * @param gradientTolerance stop when every gradient component is below this
     */
    public record Options(double l2, int maxIterations, double gradientTolerance) {
        public Options {
            if (l2 < 0 || maxIterations < 1 || gradientTolerance <= 0) {
                throw new IllegalArgumentException("l2 must be >= 0, max_iterations >= 1, gradient_tolerance > 0");
            }
        }

        public static Options defaults() {
            return new Options(1e-4, 1000, 1e-5);
        }
    }

    /** Test accuracies plus the fit's diagnostics. */
    public record Result(double top1, double top5, double trainTop1, double loss, int iterations, boolean converged) {
    }

    private final Options options;

    public LinearProbe(Options options) {
        this.options = options;
    }

    public Result fitAndScore(FeatureSet train, FeatureSet test) {
        if (train.size() == 0 || test.size() == 0) {
            throw new IllegalArgumentException("linear probe needs non-empty train and test features, got "
                    + train.size() + " and " + test.size());
        }
        if (train.dim() != test.dim()) {
            throw new IllegalArgumentException("train features have dimension " + train.dim() + ", test "
                    + test.dim());
        }
        if (Arrays.stream(train.labels()).anyMatch(l -> l < 0)) {
            throw new IllegalArgumentException("training labels must be >= 0 (the split has unlabelled samples)");
        }
        int classes = Math.max(train.numClasses(), test.numClasses());
        Standardizer standardizer = Standardizer.fit(train);
        FeatureSet trainStd = standardizer.apply(train);
        FeatureSet testStd = standardizer.apply(test);
        SoftmaxRegression objective = new SoftmaxRegression(trainStd, classes, options.l2());
        Lbfgs.Result fit = new Lbfgs(10, options.maxIterations(), options.gradientTolerance(), 1e-10)
                .minimize(objective, new double[objective.parameterCount()]);
        float[] testScores = objective.scores(fit.x(), testStd);
        float[] trainScores = objective.scores(fit.x(), trainStd);
        return new Result(
                TopK.accuracy(testScores, classes, test.labels(), 1),
                TopK.accuracy(testScores, classes, test.labels(), Math.min(5, classes)),
                TopK.accuracy(trainScores, classes, train.labels(), 1),
                fit.value(), fit.iterations(), fit.converged());
    }
}
