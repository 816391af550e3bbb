package org.harl.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LinearProbeTest {

    /** Gaussian blobs around class centres on the axes of a dim-dimensional space, with a shift and scale. */
    private static FeatureSet blobs(int perClass, int classes, int dim, double noise, long seed) {
        Random r = new Random(seed);
        float[] x = new float[perClass * classes * dim];
        int[] y = new int[perClass * classes];
        for (int i = 0; i < y.length; i++) {
            y[i] = i % classes;
            for (int j = 0; j < dim; j++) {
                double centre = j == y[i] % dim ? 3 : 0;
                x[i * dim + j] = (float) (100 + 50 * (centre + noise * r.nextGaussian())); // far from standardised
            }
        }
        return new FeatureSet(y.length, dim, x, y);
    }

    @Test
    void separatesWellSeparatedClassesPerfectly() {
        FeatureSet train = blobs(30, 4, 6, 0.3, 1);
        FeatureSet test = blobs(20, 4, 6, 0.3, 2);
        LinearProbe.Result r = new LinearProbe(LinearProbe.Options.defaults()).fitAndScore(train, test);
        assertEquals(1.0, r.top1(), 0);
        assertEquals(1.0, r.trainTop1(), 0);
        assertEquals(1.0, r.top5(), 0);
        assertTrue(r.converged());
        assertTrue(r.loss() < 0.05, "loss " + r.loss());
    }

    @Test
    void reachesAStationaryPointOfTheRegularisedObjective() {
        FeatureSet train = blobs(25, 3, 4, 1.5, 3); // overlapping classes: a non-trivial optimum
        FeatureSet std = Standardizer.fit(train).apply(train);
        SoftmaxRegression objective = new SoftmaxRegression(std, 3, 1e-2);
        Lbfgs.Result fit = new Lbfgs(10, 1000, 1e-7, 0).minimize(objective, new double[objective.parameterCount()]);
        double[] g = new double[objective.parameterCount()];
        double value = objective.valueAndGradient(fit.x(), g);
        for (double gi : g) {
            assertEquals(0, gi, 1e-6);
        }
        // any perturbation increases a strictly convex objective
        double[] moved = fit.x().clone();
        moved[0] += 1e-2;
        assertTrue(objective.valueAndGradient(moved, new double[g.length]) > value);
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        FeatureSet data = blobs(4, 3, 2, 1, 4);
        SoftmaxRegression objective = new SoftmaxRegression(data, 3, 0.1);
        Random r = new Random(5);
        double[] w = new double[objective.parameterCount()];
        for (int i = 0; i < w.length; i++) {
            w[i] = 0.01 * r.nextGaussian();
        }
        double[] g = new double[w.length];
        objective.valueAndGradient(w, g);
        for (int i = 0; i < w.length; i++) {
            double[] plus = w.clone();
            double[] minus = w.clone();
            plus[i] += 1e-5;
            minus[i] -= 1e-5;
            double numeric = (objective.valueAndGradient(plus, new double[w.length])
                    - objective.valueAndGradient(minus, new double[w.length])) / 2e-5;
            assertEquals(numeric, g[i], 1e-4 * Math.max(1, Math.abs(numeric)), "component " + i);
        }
    }

    @Test
    void topFiveCountsNearMisses() {
        // 8 classes on 8 noisy axes: top-5 must be at least top-1, and strictly above for overlapping classes
        FeatureSet train = blobs(20, 8, 8, 2.0, 6);
        FeatureSet test = blobs(20, 8, 8, 2.0, 7);
        LinearProbe.Result r = new LinearProbe(LinearProbe.Options.defaults()).fitAndScore(train, test);
        assertTrue(r.top1() > 1.0 / 8 + 0.2, "top1 " + r.top1());
        assertTrue(r.top5() > r.top1(), r.top5() + " vs " + r.top1());
    }

    @Test
    void rejectsMismatchedDimensions() {
        assertThrows(IllegalArgumentException.class, () -> new LinearProbe(LinearProbe.Options.defaults())
                .fitAndScore(blobs(2, 2, 3, 1, 1), blobs(2, 2, 4, 1, 1)));
    }
}
