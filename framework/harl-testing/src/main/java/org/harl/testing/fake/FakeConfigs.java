package org.harl.testing.fake;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.harl.spi.config.Doc;
import org.harl.spi.config.InvalidConfigException;
import org.harl.spi.config.Required;

/** Config records of the fake plugin, covering every type the binder supports. */
public final class FakeConfigs {

    private FakeConfigs() {
    }

    /** Dataset: a required path, an optional limit, a list and an enum. */
    public record Dataset(
            @Required @Doc("image folder") Path root,
            @Doc("image side in pixels") int imageSize,
            @Doc("cap on the number of images") Optional<Integer> limit,
            @Doc("class names") List<String> classes,
            @Doc("colour mode") Colour colour) {
        public Dataset {
            InvalidConfigException.check(imageSize >= 8, "image_size", "must be >= 8, got " + imageSize);
        }
    }

    public enum Colour { RGB, GREY_SCALE }

    /** Backbone: numbers and a boolean. */
    public record Backbone(@Doc("channel width") int width, @Doc("zero-init last BN") boolean zeroInitResidual,
                           @Doc("dropout rate") double dropout) {
        public Backbone {
            InvalidConfigException.check(width >= 1, "width", "must be >= 1, got " + width);
        }
    }

    /** Augmentation: a list of nested records that have their own defaults. */
    public record Augmentation(@Doc("one entry per view") List<View> views) {
    }

    /** One view of an augmentation. */
    public record View(@Doc("crop scale lower bound") double minScale, @Doc("solarize probability") double solarize) {
        public static View defaults() {
            return new View(0.08, 0.0);
        }
    }

    /** Mask proposer: a bounded number and a nested record. */
    public record MaskProposer(@Doc("foreground threshold in [0, 1]") double threshold,
                               @Doc("grid cells") int cells, @Doc("smoothing") Smoothing smoothing) {
        public MaskProposer {
            InvalidConfigException.check(threshold >= 0 && threshold <= 1, "threshold",
                    "must be in [0, 1], got " + threshold);
        }
    }

    /** Nested record with defaults from the enclosing default. */
    public record Smoothing(int radius, double sigma) {
    }

    /** Loss: a schedule given as a scalar shorthand or a map, and a map of weights. */
    public record Loss(@Doc("temperature") double tau, @Doc("loss weight schedule") Schedule weight,
                       @Doc("per-term weights") Map<String, Double> terms) {
    }

    /** A linear schedule; {@code 0.5} is shorthand for a constant. */
    public record Schedule(double start, double end) {
        public static Schedule fromScalar(Object value) {
            if (!(value instanceof Number n)) {
                throw new IllegalArgumentException("expected a number or {start, end}, got " + value);
            }
            return new Schedule(n.doubleValue(), n.doubleValue());
        }
    }

    /** Tracker: one string. */
    public record Tracker(@Doc("metric name prefix") String prefix) {
    }
}
