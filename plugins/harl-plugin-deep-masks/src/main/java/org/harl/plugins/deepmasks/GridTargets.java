package org.harl.plugins.deepmasks;

import org.harl.spi.data.Mask;

/** Masks reduced to a feature grid by exact area averaging (each cell = mean of the mask over its footprint). */
public final class GridTargets {

    private GridTargets() {
    }

    /**
     * The mean of {@code mask} over each of {@code gw x gh} equal cells; pixels straddling a cell edge count with
     * the fraction that falls inside. Row-major, length {@code gw * gh}.
     */
    public static float[] areaAverage(Mask mask, int gw, int gh) {
        int w = mask.width();
        int h = mask.height();
        float[] rows = new float[h * gw]; // first average along x
        for (int y = 0; y < h; y++) {
            for (int j = 0; j < gw; j++) {
                rows[y * gw + j] = cellMean(mask.data(), y * w, 1, w, j, gw);
            }
        }
        float[] out = new float[gh * gw];
        for (int i = 0; i < gh; i++) {
            for (int j = 0; j < gw; j++) {
                out[i * gw + j] = cellMean(rows, j, gw, h, i, gh);
            }
        }
        return out;
    }

    /** Mean over cell {@code cell} of {@code cells} equal parts of a line of {@code n} values read with a stride. */
    private static float cellMean(float[] d, int offset, int stride, int n, int cell, int cells) {
        double lo = (double) cell * n / cells;
        double hi = (double) (cell + 1) * n / cells;
        double sum = 0;
        for (int p = (int) Math.floor(lo); p < Math.min(n, (int) Math.ceil(hi)); p++) {
            double overlap = Math.min(hi, p + 1) - Math.max(lo, p);
            sum += overlap * d[offset + p * stride];
        }
        return (float) (sum / (hi - lo));
    }
}
