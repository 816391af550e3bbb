package org.harl.spi.data;

import java.util.Objects;

/**
 * A foreground mask: one float per pixel in [0, 1] (1 = foreground), row-major. Binary masks hold 0 and 1; soft
 * masks (saliency maps, masks resized to a feature grid) hold fractions.
 */
public record Mask(int width, int height, float[] data) {

    public Mask {
        Objects.requireNonNull(data, "data");
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("mask size must be positive, got " + width + "x" + height);
        }
        if (data.length != width * height) {
            throw new IllegalArgumentException("expected " + (width * height) + " floats for a "
                    + width + "x" + height + " mask, got " + data.length);
        }
    }

    /** A mask of one value everywhere. */
    public static Mask filled(int width, int height, float value) {
        float[] d = new float[width * height];
        java.util.Arrays.fill(d, value);
        return new Mask(width, height, d);
    }

    public float get(int x, int y) {
        return data[y * width + x];
    }

    /** Mean value: the foreground fraction of a binary mask. */
    public double foregroundFraction() {
        double s = 0;
        for (float v : data) {
            s += v;
        }
        return s / data.length;
    }
}
