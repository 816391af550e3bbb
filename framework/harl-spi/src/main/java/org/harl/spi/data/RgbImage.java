package org.harl.spi.data;

import java.util.Objects;

/**
 * An RGB image as planar float data (channel-major: all R, then all G, then all B), values nominally in [0, 1]
 * (after normalisation they are not). Planar so that a batch copies straight into an (N, 3, H, W) tensor.
 * Instances are treated as immutable: operations return new images.
 */
public record RgbImage(int width, int height, float[] data) {

    public RgbImage {
        Objects.requireNonNull(data, "data");
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive, got " + width + "x" + height);
        }
        if (data.length != 3 * width * height) {
            throw new IllegalArgumentException("expected " + (3 * width * height) + " floats for a "
                    + width + "x" + height + " RGB image, got " + data.length);
        }
    }

    public static RgbImage blank(int width, int height) {
        return new RgbImage(width, height, new float[3 * width * height]);
    }

    public int pixels() {
        return width * height;
    }

    /** Value of channel c (0 = R) at (x, y). */
    public float get(int c, int x, int y) {
        return data[c * width * height + y * width + x];
    }

    public void set(int c, int x, int y, float v) {
        data[c * width * height + y * width + x] = v;
    }
}
