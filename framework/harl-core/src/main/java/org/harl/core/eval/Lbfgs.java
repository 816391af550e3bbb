package org.harl.core.eval;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Limited-memory BFGS minimiser with a backtracking (Armijo) line search, for smooth convex objectives such as the
 * L2-regularised softmax regression of the linear probe. Stops when the gradient's max-norm falls below
 * {@code gradientTolerance}, when the relative decrease of the objective stays below {@code relativeTolerance}, or
 * after {@code maxIterations}.
 */
public final class Lbfgs {

    /** An objective that returns its value and writes its gradient into {@code gradient}. */
    @FunctionalInterface
    public interface Objective {
        double valueAndGradient(double[] x, double[] gradient);
    }

    /** Outcome of a minimisation. {@code converged} is false when it stopped at the iteration limit. */
    public record Result(double[] x, double value, int iterations, boolean converged, double gradientMaxNorm) {
    }

    private final int memory;
    private final int maxIterations;
    private final double gradientTolerance;
    private final double relativeTolerance;

    public Lbfgs(int memory, int maxIterations, double gradientTolerance, double relativeTolerance) {
        if (memory < 1 || maxIterations < 1) {
            throw new IllegalArgumentException("memory and maxIterations must be >= 1");
        }
        this.memory = memory;
        this.maxIterations = maxIterations;
        this.gradientTolerance = gradientTolerance;
        this.relativeTolerance = relativeTolerance;
    }

    public Result minimize(Objective f, double[] start) {
        int n = start.length;
        double[] x = start.clone();
        double[] g = new double[n];
        double fx = f.valueAndGradient(x, g);
        Deque<double[][]> history = new ArrayDeque<>(); // each entry {s, y, {rho}}
        double[] xNew = new double[n];
        double[] gNew = new double[n];
        int stalled = 0;
        for (int iter = 0; iter < maxIterations; iter++) {
            double gMax = maxAbs(g);
            if (gMax <= gradientTolerance) {
                return new Result(x, fx, iter, true, gMax);
            }
            double[] d = direction(g, history);
            double slope = dot(d, g);
            if (slope >= 0) { // not a descent direction (numerical trouble): restart with steepest descent
                history.clear();
                d = scaled(g, -1);
                slope = dot(d, g);
            }
            double step = history.isEmpty() ? Math.min(1.0, 1.0 / Math.max(1e-12, norm(g))) : 1.0;
            double fNew = Double.NaN;
            boolean accepted = false;
            for (int tries = 0; tries < 40; tries++) {
                for (int i = 0; i < n; i++) {
                    xNew[i] = x[i] + step * d[i];
                }
                fNew = f.valueAndGradient(xNew, gNew);
                if (Double.isFinite(fNew) && fNew <= fx + 1e-4 * step * slope) {
                    accepted = true;
                    break;
                }
                step *= 0.5;
            }
            if (!accepted) { // no decrease possible along any direction we can compute: at the optimum numerically
                return new Result(x, fx, iter, true, gMax);
            }
            double[] s = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                s[i] = xNew[i] - x[i];
                y[i] = gNew[i] - g[i];
            }
            double sy = dot(s, y);
            if (sy > 1e-12) { // keep the curvature pair only if it keeps the Hessian estimate positive definite
                history.addLast(new double[][] {s, y, {1.0 / sy}});
                if (history.size() > memory) {
                    history.removeFirst();
                }
            }
            double decrease = (fx - fNew) / Math.max(1.0, Math.abs(fx));
            System.arraycopy(xNew, 0, x, 0, n);
            System.arraycopy(gNew, 0, g, 0, n);
            fx = fNew;
            stalled = decrease < relativeTolerance ? stalled + 1 : 0;
            if (stalled >= 3) {
                return new Result(x, fx, iter + 1, true, maxAbs(g));
            }
        }
        return new Result(x, fx, maxIterations, false, maxAbs(g));
    }

    /** The two-loop recursion: an approximation of -H^{-1} g. */
    private static double[] direction(double[] g, Deque<double[][]> history) {
        double[] q = g.clone();
        int m = history.size();
        double[] alpha = new double[m];
        double[][][] pairs = history.toArray(new double[0][][]);
        for (int i = m - 1; i >= 0; i--) {
            alpha[i] = pairs[i][2][0] * dot(pairs[i][0], q);
            axpy(-alpha[i], pairs[i][1], q);
        }
        if (m > 0) {
            double[] s = pairs[m - 1][0];
            double[] y = pairs[m - 1][1];
            double gamma = dot(s, y) / dot(y, y);
            for (int i = 0; i < q.length; i++) {
                q[i] *= gamma;
            }
        }
        for (int i = 0; i < m; i++) {
            double beta = pairs[i][2][0] * dot(pairs[i][1], q);
            axpy(alpha[i] - beta, pairs[i][0], q);
        }
        return scaled(q, -1);
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += a * x[i];
        }
    }

    private static double[] scaled(double[] v, double a) {
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = a * v[i];
        }
        return r;
    }

    private static double norm(double[] v) {
        return Math.sqrt(dot(v, v));
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double a : v) {
            m = Math.max(m, Math.abs(a));
        }
        return m;
    }
}
