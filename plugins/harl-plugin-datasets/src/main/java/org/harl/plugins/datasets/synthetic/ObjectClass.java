package org.harl.plugins.datasets.synthetic;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What makes a class recognisable: its shape, a two-colour palette and a texture with a base frequency. Samples
 * vary around these (palette jitter, frequency, rotation, aspect, scale, position).
 *
 * @param hue        primary hue (turns)
 * @param saturation primary saturation
 * @param value      primary value (brightness)
 * @param hue2       secondary hue
 * @param value2     secondary value
 */
record ObjectClass(String name, Shape shape, Texture texture, double frequency, double hue, double saturation,
                   double value, double hue2, double value2) {

    /**
     * K classes: shapes and textures cycle (different strides so K > 12 still gives distinct combinations), hues
     * come from {@link ClassHues}.
     */
    static List<ObjectClass> make(int k, long seed) {
        SplittableRandom rng = new SplittableRandom(seed ^ 0xC1A55E5L);
        double[] hues = ClassHues.assign(k, rng);
        Shape[] shapes = Shape.values();
        Texture[] textures = Texture.values();
        List<ObjectClass> out = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            Shape shape = shapes[i % shapes.length];
            Texture texture = textures[(i * 3 + i / shapes.length) % textures.length];
            double hue = hues[i];
            double sat = 0.55 + 0.4 * rng.nextDouble();
            double val = 0.45 + 0.5 * rng.nextDouble();
            double hue2 = hue + (rng.nextBoolean() ? 1 : -1) * (0.08 + 0.35 * rng.nextDouble());
            double val2 = val > 0.7 ? val - 0.35 - 0.2 * rng.nextDouble() : val + 0.3;
            double freq = 2 + 3 * rng.nextDouble();
            String name = String.format("%02d_%s_%s", i, shape.name().toLowerCase(java.util.Locale.ROOT),
                    texture.name().toLowerCase(java.util.Locale.ROOT));
            out.add(new ObjectClass(name, shape, texture, freq, hue, sat, val, hue2, val2));
        }
        return out;
    }
}
