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
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double along = (x * cos + y * sin);
                double t = switch (style) {
                    case 0 -> coarse.at(x, y);
                    case 1 -> 0.5 + 0.5 * Math.sin(2 * Math.PI * along / period);
                    case 2 -> along / (side * 1.5) + 0.3;
                    default -> 0.6 * coarse.at(x, y) + 0.4 * (Math.sin(2 * Math.PI * along / period) > 0 ? 1 : 0);
                };
                t = 0.5 + (t - 0.5) * clutter;
                Colour base = a.mix(b, Math.min(1, Math.max(0, t)));
                double speck = (fine.at(x, y) - 0.5) * clutter;
                Colour px = base.mix(c, Math.max(0, speck) * 0.8);
                canvas.set(x, y, px.r(), px.g(), px.b());
            }
        }
        int blobs = config.maxDistractors() == 0 ? 0 : rng.nextInt(config.maxDistractors() + 1);
        for (int i = 0; i < blobs; i++) {
            blob(canvas, config, rng);
        }
    }

    /** A random-coloured ellipse with a wobbly outline, antialiased by 2x2 supersampling. */
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
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                int inside = 0;
                double radial = 0;
                for (int s = 0; s < 4; s++) {
                    double px = x + 0.25 + 0.5 * (s & 1) - cx;
                    double py = y + 0.25 + 0.5 * (s >> 1) - cy;
                    double u = (px * cos + py * sin) / rx;
                    double v = (-px * sin + py * cos) / ry;
                    double r = Math.sqrt(u * u + v * v);
                    double limit = 1 + wobble * Math.sin(lobes * Math.atan2(v, u) + phase);
                    if (r <= limit) {
                        inside++;
                        radial += r / limit;
                    }
                }
                if (inside > 0) {
                    canvas.blend(x, y, colour.mix(edge, radial / inside * 0.6), inside / 4f);
                }
            }
        }
    }
}
