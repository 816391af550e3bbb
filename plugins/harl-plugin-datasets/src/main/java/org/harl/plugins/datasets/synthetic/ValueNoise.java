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

    /** The noise at the integer coordinates (x, y) of a w x h grid, row-major. */
    float[] field(int w, int h) {
        int[] ix = new int[w];
        float[] fx = new float[w];
        for (int x = 0; x < w; x++) {
            double g = x / cellSize;
            ix[x] = Math.min(cells - 2, (int) g);
            fx[x] = (float) smooth(g - ix[x]);
        }
        float[] out = new float[w * h];
        for (int y = 0; y < h; y++) {
            double g = y / cellSize;
            int iy = Math.min(cells - 2, (int) g);
            float fy = (float) smooth(g - iy);
            int r0 = iy * cells;
            int r1 = r0 + cells;
            for (int x = 0; x < w; x++) {
                int i = ix[x];
                float top = lattice[r0 + i] + (lattice[r0 + i + 1] - lattice[r0 + i]) * fx[x];
                float bottom = lattice[r1 + i] + (lattice[r1 + i + 1] - lattice[r1 + i]) * fx[x];
                out[y * w + x] = top + (bottom - top) * fy;
            }
        }
        return out;
    }

    private static double smooth(double t) {
        t = Math.min(1, Math.max(0, t));
        return t * t * (3 - 2 * t);
    }
}
