package org.harl.plugins.datasets.synthetic;

import java.util.SplittableRandom;

/**
 * Cluttered backgrounds whose colours are random: a pattern (smooth noise, stripes, gradient, or noise + stripes)
 * between two or three random colours, then random-coloured distractor blobs. Everything comes from {@code rng}.
 */
public final class Backgrounds {

    private Backgrounds() {
    }

    public static void paint(Canvas canvas, BackgroundConfig config, SplittableRandom rng) {
        int w = canvas.width();
        int h = canvas.height();
        double side = Math.max(w, h);
        Colour a = Colour.random(rng);
        Colour b = Colour.random(rng);
        Colour c = Colour.random(rng);
        double clutter = config.clutter();
        // pattern parameters
        int style = rng.nextInt(4);
        ValueNoise coarse = new ValueNoise(w, h, side * (0.15 + 0.35 * rng.nextDouble()), rng.split());
        ValueNoise fine = new ValueNoise(w, h, side * (0.03 + 0.05 * rng.nextDouble()), rng.split());
        double angle = rng.nextDouble() * Math.PI;
        double period = side * (0.06 + 0.25 * rng.nextDouble());
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        float mixC = 0.8f * (float) clutter;
        float[] coarseField = coarse.field(w, h);
        float[] fineField = fine.field(w, h);
        // stripes: sin(k (x cos + y sin)) = sin(kx cos) cos(ky sin) + cos(kx cos) sin(ky sin), tabulated per axis
        double k = 2 * Math.PI / period;
        float[] sx = new float[w];
        float[] cxs = new float[w];
        for (int x = 0; x < w; x++) {
            sx[x] = (float) Math.sin(k * x * cos);
            cxs[x] = (float) Math.cos(k * x * cos);
        }
        for (int y = 0; y < h; y++) {
            float sy = (float) Math.sin(k * y * sin);
            float cy = (float) Math.cos(k * y * sin);
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                float wave = sx[x] * cy + cxs[x] * sy;
                double t = switch (style) {
                    case 0 -> coarseField[i];
                    case 1 -> 0.5 + 0.5 * wave;
                    case 2 -> (x * cos + y * sin) / (side * 1.5) + 0.3;
                    default -> 0.6 * coarseField[i] + 0.4 * (wave > 0 ? 1 : 0);
                };
                float u = (float) Math.min(1, Math.max(0, 0.5 + (t - 0.5) * clutter));
                float speck = Math.max(0, fineField[i] - 0.5f) * mixC;
                float r = a.r() + (b.r() - a.r()) * u;
                float g = a.g() + (b.g() - a.g()) * u;
                float bl = a.b() + (b.b() - a.b()) * u;
                canvas.set(x, y, r + (c.r() - r) * speck, g + (c.g() - g) * speck, bl + (c.b() - bl) * speck);
            }
        }
        int blobs = config.maxDistractors() == 0 ? 0 : rng.nextInt(config.maxDistractors() + 1);
        for (int i = 0; i < blobs; i++) {
            blob(canvas, config, rng);
        }
    }

    /** A random-coloured ellipse with a wobbly outline, antialiased by {@link CornerCoverage}. */
    private static void blob(Canvas canvas, BackgroundConfig config, SplittableRandom rng) {
        int w = canvas.width();
        int h = canvas.height();
        double side = Math.max(w, h);
        double rx = side * config.distractorSize() * (0.25 + 0.25 * rng.nextDouble());
        double ry = rx * (0.5 + rng.nextDouble());
        double cx = rng.nextDouble() * w;
        double cy = rng.nextDouble() * h;
        double rot = rng.nextDouble() * Math.PI;
        double wobble = 0.2 * rng.nextDouble();
        int lobes = 2 + rng.nextInt(4);
        double phase = rng.nextDouble() * 2 * Math.PI;
        Colour colour = Colour.random(rng);
        Colour edge = Colour.random(rng);
        double cos = Math.cos(rot);
        double sin = Math.sin(rot);
        double reach = Math.max(rx, ry) * 1.25;
        int x0 = Math.max(0, (int) (cx - reach));
        int x1 = Math.min(w - 1, (int) (cx + reach));
        int y0 = Math.max(0, (int) (cy - reach));
        int y1 = Math.min(h - 1, (int) (cy + reach));
        if (x0 > x1 || y0 > y1) {
            return;
        }
        CornerCoverage cover = new CornerCoverage(x0, y0, x1, y1, (x, y) -> {
            double u = ((x - cx) * cos + (y - cy) * sin) / rx;
            double v = (-(x - cx) * sin + (y - cy) * cos) / ry;
            return Math.sqrt(u * u + v * v) <= 1 + wobble * Math.sin(lobes * Math.atan2(v, u) + phase);
        });
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                float alpha = cover.at(x, y);
                if (alpha > 0) {
                    double u = ((x + 0.5 - cx) * cos + (y + 0.5 - cy) * sin) / rx;
                    double v = (-(x + 0.5 - cx) * sin + (y + 0.5 - cy) * cos) / ry;
                    float t = (float) Math.min(1, Math.sqrt(u * u + v * v)) * 0.6f;
                    canvas.blend(x, y, colour.r() + (edge.r() - colour.r()) * t,
                            colour.g() + (edge.g() - colour.g()) * t, colour.b() + (edge.b() - colour.b()) * t, alpha);
                }
            }
        }
    }
}
