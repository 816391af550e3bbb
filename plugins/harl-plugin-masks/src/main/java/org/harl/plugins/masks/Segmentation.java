package org.harl.plugins.masks;

/**
 * A partition of a {@code width × height} image into {@code count} regions; {@code labels[y*width+x]} in
 * {@code 0..count-1}, numbered in raster order of each region's first pixel.
 */
public record Segmentation(int width, int height, int count, int[] labels) {

    public Segmentation {
        if (labels.length != width * height) {
            throw new IllegalArgumentException("expected " + (width * height) + " labels, got " + labels.length);
        }
    }

    /** Pixel count of every region. */
    public int[] sizes() {
        int[] s = new int[count];
        for (int l : labels) {
            s[l]++;
        }
        return s;
    }
}
