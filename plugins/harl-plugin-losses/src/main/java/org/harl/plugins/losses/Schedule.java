package org.harl.plugins.losses;

import java.util.List;
import org.harl.spi.config.Doc;
import org.harl.spi.config.InvalidConfigException;

/**
 * A loss weight over training progress t in [0, 1] (step / total steps). YAML: a plain number is a constant
 * ({@code alpha: 0.5}); {@code {type: cosine, from: 0.6, to: 0.0}} anneals along half a cosine;
 * {@code {type: steps, values: [0.5, 0.7, 0.9], at: [0.7, 0.9]}} holds values[i] from threshold at[i-1] on.
 */
public record Schedule(
        @Doc("constant, steps or cosine") Type type,
        @Doc("the value of a constant schedule") double value,
        @Doc("cosine: value at the start") double from,
        @Doc("cosine: value at the end") double to,
        @Doc("steps: one value per interval (one more than thresholds)") List<Double> values,
        @Doc("steps: increasing progress thresholds in (0, 1) where the next value starts") List<Double> at) {

    /** Schedule shapes. */
    public enum Type { CONSTANT, STEPS, COSINE }

    public Schedule {
        InvalidConfigException.check(type != null, "type", "must be constant, steps or cosine");
        values = values == null ? List.of() : List.copyOf(values);
        at = at == null ? List.of() : List.copyOf(at);
        switch (type) {
            case CONSTANT -> checkWeight("value", value);
            case COSINE -> {
                checkWeight("from", from);
                checkWeight("to", to);
            }
            case STEPS -> {
                InvalidConfigException.check(!values.isEmpty() && values.size() == at.size() + 1, "values",
                        "steps needs one more value than thresholds, got " + values.size() + " values and "
                                + at.size() + " thresholds");
                values.forEach(v -> checkWeight("values", v));
                for (int i = 0; i < at.size(); i++) {
                    double a = at.get(i);
                    InvalidConfigException.check(a > 0 && a < 1 && (i == 0 || a > at.get(i - 1)), "at",
                            "thresholds must increase strictly within (0, 1), got " + at);
                }
            }
            default -> throw new IllegalStateException(type.toString());
        }
    }

    /** YAML shorthand: a number is a constant schedule. */
    public static Schedule fromScalar(Object scalar) {
        if (scalar instanceof Number n) {
            return constant(n.doubleValue());
        }
        if (scalar instanceof String s) {
            try {
                return constant(Double.parseDouble(s.trim()));
            } catch (NumberFormatException e) {
                // fall through to the error below
            }
        }
        throw new InvalidConfigException("type", "a schedule is a number or a map with type constant, steps or "
                + "cosine; got '" + scalar + "'");
    }

    public static Schedule constant(double value) {
        return new Schedule(Type.CONSTANT, value, value, value, List.of(), List.of());
    }

    public static Schedule cosine(double from, double to) {
        return new Schedule(Type.COSINE, from, from, to, List.of(), List.of());
    }

    public static Schedule steps(List<Double> values, List<Double> at) {
        return new Schedule(Type.STEPS, values.get(0), values.get(0), values.get(0), values, at);
    }

    /** The value at progress {@code t} (clamped to [0, 1]). */
    public double valueAt(double t) {
        double p = Math.max(0, Math.min(1, t));
        return switch (type) {
            case CONSTANT -> value;
            case COSINE -> to + (from - to) * (1 + Math.cos(Math.PI * p)) / 2;
            case STEPS -> {
                int i = 0;
                while (i < at.size() && p >= at.get(i)) {
                    i++;
                }
                yield values.get(i);
            }
        };
    }

    private static void checkWeight(String key, double v) {
        InvalidConfigException.check(v >= 0 && v <= 1, key, "a loss weight must be in [0, 1], got " + v);
    }
}
