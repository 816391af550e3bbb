package org.harl.plugins.datasets.synthetic;

import org.harl.spi.data.RgbImage;

/** A planar RGB image being painted: per-pixel colour writes and alpha blending. */
public final class Canvas {

    private final int width;
    private final int height;
    private final float[] data;
    private final int plane;

    public Canvas(int width, int height) {
        this.width = width;
        this.height = height;
        this.plane = width * height;
        this.data = new float[3 * plane];
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public void set(int x, int y, float r, float g, float b) {
        int i = y * width + x;
        data[i] = r;
        data[plane + i] = g;
        data[2 * plane + i] = b;
    }

    /** Blends colour over the pixel with coverage {@code alpha} in [0, 1]. */
    public void blend(int x, int y, float r, float g, float b, float alpha) {
        int i = y * width + x;
        data[i] += (r - data[i]) * alpha;
        data[plane + i] += (g - data[plane + i]) * alpha;
        data[2 * plane + i] += (b - data[2 * plane + i]) * alpha;
    }

    public void blend(int x, int y, Colour c, float alpha) {
        blend(x, y, c.r(), c.g(), c.b(), alpha);
    }

    /** The painted image (the canvas must not be used afterwards). */
    public RgbImage toImage() {
        for (int i = 0; i < data.length; i++) {
            data[i] = data[i] < 0 ? 0 : (data[i] > 1 ? 1 : data[i]);
        }
        return new RgbImage(width, height, data);
    }
}
