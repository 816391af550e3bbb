package org.harl.plugins.datasets.synthetic;

import java.util.SplittableRandom;

/**
 * Paints one instance of a class: palette and texture frequency jittered, random rotation, aspect, scale and
 * position (the object may be cut by the border). Edges are antialiased by {@link CornerCoverage}; the mask holds the
 * same coverage that was used to blend the object, so it is exact.
 */
final class ObjectPainter {

    private final double minScale;
    private final double maxScale;
    private final double paletteJitter;

    ObjectPainter(double minScale, double maxScale, double paletteJitter) {
        this.minScale = minScale;
        this.maxScale = maxScale;
        this.paletteJitter = paletteJitter;
    }

    void paint(Canvas canvas, float[] mask, ObjectClass cls, SplittableRandom rng) {
        int w = canvas.width();
        int h = canvas.height();
        double j = paletteJitter;
        double sv = 2.5 * j;
        Colour primary = Colour.hsv(cls.hue() + sym(rng, j), cls.saturation() + sym(rng, sv), cls.value() + sym(rng, sv));
        Colour secondary = Colour.hsv(cls.hue2() + sym(rng, j), cls.saturation() + sym(rng, sv),
                cls.value2() + sym(rng, sv));
        double freq = cls.frequency() * Math.exp(sym(rng, 0.2));
        double area = (minScale + (maxScale - minScale) * rng.nextDouble()) * w * h;
        double aspect = Math.exp(sym(rng, 0.25));
        double hw = Math.sqrt(area * aspect) / 2;
        double hh = Math.sqrt(area / aspect) / 2;
        double cx = Placement.centre(rng, hw, w);
        double cy = Placement.centre(rng, hh, h);
        double rot = rng.nextDouble() * 2 * Math.PI;
        double cos = Math.cos(rot);
        double sin = Math.sin(rot);
        double reach = Math.hypot(hw, hh);
        int x0 = Math.max(0, (int) Math.floor(cx - reach));
        int x1 = Math.min(w - 1, (int) Math.ceil(cx + reach));
        int y0 = Math.max(0, (int) Math.floor(cy - reach));
        int y1 = Math.min(h - 1, (int) Math.ceil(cy + reach));
        if (x0 > x1 || y0 > y1) {
            return;
        }
        CornerCoverage cover = new CornerCoverage(x0, y0, x1, y1, (x, y) -> {
            double px = x - cx;
            double py = y - cy;
            return cls.shape().inside((px * cos + py * sin) / hw, (-px * sin + py * cos) / hh);
        });
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                float a = cover.at(x, y);
                if (a > 0) {
                    // texture at the pixel centre, in object coordinates so it turns with the object
                    double px = x + 0.5 - cx;
                    double py = y + 0.5 - cy;
                    double t = cls.texture().at((px * cos + py * sin) / hw, (-px * sin + py * cos) / hh, freq);
                    float m = (float) t;
                    canvas.blend(x, y, primary.r() + (secondary.r() - primary.r()) * m,
                            primary.g() + (secondary.g() - primary.g()) * m,
                            primary.b() + (secondary.b() - primary.b()) * m, a);
                    mask[y * w + x] = a;
                }
            }
        }
    }

    private static double sym(SplittableRandom rng, double amount) {
        return Placement.symmetric(rng, amount);
    }
}
