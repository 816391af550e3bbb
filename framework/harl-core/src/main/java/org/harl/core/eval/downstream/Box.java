package org.harl.core.eval.downstream;

import java.util.Optional;
import org.harl.spi.data.Mask;

/**
 * An axis-aligned box in pixel-edge coordinates: pixel (x, y) spans [x, x + 1) x [y, y + 1), so the box of a single
 * pixel has area 1.
 */
public record Box(double x0, double y0, double x1, double y1) {

    public Box {
        if (!(x1 >= x0 && y1 >= y0)) {
            throw new IllegalArgumentException("box corners out of order: " + x0 + ", " + y0 + ", " + x1 + ", " + y1);
        }
    }

    public double area() {
        return (x1 - x0) * (y1 - y0);
    }

    /** Intersection over union; 0 when both boxes are empty. */
    public double iou(Box other) {
        double w = Math.min(x1, other.x1) - Math.max(x0, other.x0);
        double h = Math.min(y1, other.y1) - Math.max(y0, other.y0);
        double inter = w > 0 && h > 0 ? w * h : 0;
        double union = area() + other.area() - inter;
        return union > 0 ? inter / union : 0;
    }

    /** The tightest box around the pixels with value >= 0.5; empty when there are none. */
    public static Optional<Box> of(Mask mask) {
        int minX = Integer.MAX_VALUE;
        int minY = Integer.MAX_VALUE;
        int maxX = -1;
        int maxY = -1;
        for (int y = 0; y < mask.height(); y++) {
            for (int x = 0; x < mask.width(); x++) {
                if (mask.get(x, y) >= 0.5f) {
                    minX = Math.min(minX, x);
                    minY = Math.min(minY, y);
                    maxX = Math.max(maxX, x);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        return maxX < 0 ? Optional.empty() : Optional.of(new Box(minX, minY, maxX + 1, maxY + 1));
    }
}
