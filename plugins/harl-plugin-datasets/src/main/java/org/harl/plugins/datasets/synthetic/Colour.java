package org.harl.plugins.datasets.synthetic;

import java.util.SplittableRandom;

/** An RGB colour in [0, 1]. */
public record Colour(float r, float g, float b) {

    /** From hue (turns, wrapped), saturation and value, each clamped to [0, 1]. */
    public static Colour hsv(double h, double s, double v) {
        h -= Math.floor(h);
        s = clamp(s);
        v = clamp(v);
        double h6 = h * 6;
        int sector = (int) h6 % 6;
        double f = h6 - Math.floor(h6);
        float p = (float) (v * (1 - s));
        float q = (float) (v * (1 - s * f));
        float t = (float) (v * (1 - s * (1 - f)));
        float vv = (float) v;
        return switch (sector) {
            case 0 -> new Colour(vv, t, p);
            case 1 -> new Colour(q, vv, p);
            case 2 -> new Colour(p, vv, t);
            case 3 -> new Colour(p, q, vv);
            case 4 -> new Colour(t, p, vv);
            default -> new Colour(vv, p, q);
        };
    }

    /** Any colour: uniform hue, broad saturation and value. */
    public static Colour random(SplittableRandom rng) {
        return hsv(rng.nextDouble(), 0.15 + 0.85 * rng.nextDouble(), 0.15 + 0.85 * rng.nextDouble());
    }

    /** Linear mix: t = 0 gives this colour, 1 gives {@code other}. */
    public Colour mix(Colour other, double t) {
        float u = (float) t;
        return new Colour(r + (other.r - r) * u, g + (other.g - g) * u, b + (other.b - b) * u);
    }

    private static double clamp(double v) {
        return v < 0 ? 0 : (v > 1 ? 1 : v);
    }
}
