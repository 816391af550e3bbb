package org.harl.plugins.datasets.synthetic;

/**
 * Antialiased coverage of a shape over a pixel box: the shape is tested once per pixel corner (corners are shared
 * by neighbouring pixels, so about one test per pixel) and a pixel's coverage is the fraction of its four corners
 * inside. The painters blend with this coverage and store it as the mask, so image and mask agree exactly.
 */
final class CornerCoverage {

    /** Whether the point (x, y) in image pixel coordinates is inside the shape. */
    interface Region {
        boolean inside(double x, double y);
    }

    private final int x0;
    private final int y0;
    private final int stride;
    private final boolean[] corners;

    /** Tests the corners of pixels x0..x1, y0..y1 (inclusive). */
    CornerCoverage(int x0, int y0, int x1, int y1, Region region) {
        this.x0 = x0;
        this.y0 = y0;
        this.stride = x1 - x0 + 2;
        int rows = y1 - y0 + 2;
        this.corners = new boolean[Math.max(0, stride * rows)];
        for (int j = 0; j < rows; j++) {
            for (int i = 0; i < stride; i++) {
                corners[j * stride + i] = region.inside(x0 + i, y0 + j);
            }
        }
    }

    /** Coverage of pixel (x, y) in {0, 0.25, 0.5, 0.75, 1}. */
    float at(int x, int y) {
        int k = (y - y0) * stride + (x - x0);
        int n = (corners[k] ? 1 : 0) + (corners[k + 1] ? 1 : 0) + (corners[k + stride] ? 1 : 0)
                + (corners[k + stride + 1] ? 1 : 0);
        return n * 0.25f;
    }
}
