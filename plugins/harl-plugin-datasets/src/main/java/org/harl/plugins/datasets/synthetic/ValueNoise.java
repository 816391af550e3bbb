package org.harl.plugins.datasets.synthetic;

import java.util.SplittableRandom;

/** Smooth 2-D value noise in [0, 1]: random values on a lattice, smoothstep-interpolated. */
final class ValueNoise {

    private final float[] lattice;
    private final int cells;
    private final double cellSize;

    /** @param cellSize lattice spacing in pixels */
    ValueNoise(int width, int height, double cellSize, SplittableRandom rng) {
        this.cellSize = cellSize;
        this.cells = (int) Math.ceil(Math.max(width, height) / cellSize) + 2;
        this.lattice = new float[cells * cells];
        for (int i = 0; i < lattice.length; i++) {
            lattice[i] = (float) rng.nextDouble();
        }
    }

    float at(double x, double y) {
        double gx = Math.max(0, x / cellSize);
        double gy = Math.max(0, y / cellSize);
        int ix = Math.min(cells - 2, (int) gx);
        int iy = Math.min(cells - 2, (int) gy);
        double fx = smooth(gx - ix);
        double fy = smooth(gy - iy);
        double a = lattice[iy * cells + ix];
        double b = lattice[iy * cells + ix + 1];
        double c = lattice[(iy + 1) * cells + ix];
        double d = lattice[(iy + 1) * cells + ix + 1];
        return (float) ((a + (b - a) * fx) * (1 - fy) + (c + (d - c) * fx) * fy);
    }

    private static double smooth(double t) {
        t = Math.min(1, Math.max(0, t));
        return t * t * (3 - 2 * t);
    }
}
