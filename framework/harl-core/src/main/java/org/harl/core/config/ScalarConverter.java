package org.harl.core.config;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.harl.core.config.ConfigNode.ScalarNode;

/** Converts YAML scalars to Java scalar types, strictly: ints reject fractions, booleans must be booleans. */
final class ScalarConverter {

    private ScalarConverter() {
    }

    /** The converted value; throws IllegalArgumentException with a message naming what was expected. */
    static Object convert(ScalarNode node, Class<?> type) {
        Object v = node.value();
        if (v == null) {
            if (type.isPrimitive()) {
                throw new IllegalArgumentException("expected " + RecordSchema.typeName(type) + ", got null");
            }
            return null;
        }
        if (type == String.class) {
            return v instanceof String s ? s : node.text();
        }
        if (type == int.class || type == Integer.class) {
            return (int) integer(v, node, Integer.MIN_VALUE, Integer.MAX_VALUE);
        }
        if (type == long.class || type == Long.class) {
            return integer(v, node, Long.MIN_VALUE, Long.MAX_VALUE);
        }
        if (type == short.class || type == Short.class) {
            return (short) integer(v, node, Short.MIN_VALUE, Short.MAX_VALUE);
        }
        if (type == double.class || type == Double.class) {
            return number(v, node);
        }
        if (type == float.class || type == Float.class) {
            return (float) number(v, node);
        }
        if (type == boolean.class || type == Boolean.class) {
            if (v instanceof Boolean b) {
                return b;
            }
            throw new IllegalArgumentException("expected true or false, got " + shown(node));
        }
        if (type.isEnum()) {
            return enumValue(v, node, type);
        }
        if (Path.class.isAssignableFrom(type)) {
            try {
                return Path.of(v instanceof String s ? s : node.text());
            } catch (InvalidPathException e) {
                throw new IllegalArgumentException("invalid path " + shown(node) + ": " + e.getReason());
            }
        }
        throw new IllegalArgumentException("cannot bind a scalar to " + type.getName());
    }

    private static long integer(Object v, ScalarNode node, long min, long max) {
        BigInteger value;
        if (v instanceof Long l) {
            value = BigInteger.valueOf(l);
        } else if (v instanceof BigInteger b) {
            value = b;
        } else if (v instanceof Double d && !d.isNaN() && !d.isInfinite() && d == Math.rint(d)) {
            value = new BigDecimal(d).toBigInteger(); // 1.0e3 is an integer written as a float
        } else if (v instanceof Double) {
            throw new IllegalArgumentException("expected an integer, got " + shown(node) + " (fractional)");
        } else {
            throw new IllegalArgumentException("expected an integer, got " + shown(node));
        }
        if (value.compareTo(BigInteger.valueOf(min)) < 0 || value.compareTo(BigInteger.valueOf(max)) > 0) {
            throw new IllegalArgumentException("integer " + value + " is out of range [" + min + ", " + max + "]");
        }
        return value.longValue();
    }

    private static double number(Object v, ScalarNode node) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException("expected a number, got " + shown(node));
    }

    private static Object enumValue(Object v, ScalarNode node, Class<?> type) {
        String text = (v instanceof String s ? s : node.text()).trim().replace('-', '_');
        for (Object c : type.getEnumConstants()) {
            if (((Enum<?>) c).name().equalsIgnoreCase(text)) {
                return c;
            }
        }
        var names = Arrays.stream(type.getEnumConstants()).map(c -> RecordSchema.enumName((Enum<?>) c)).toList();
        throw new IllegalArgumentException("unknown value " + shown(node) + ";"
                + Suggestions.didYouMean(text.toLowerCase(Locale.ROOT), names) + " valid values: "
                + String.join(", ", names));
    }

    private static String shown(ScalarNode node) {
        return node.value() instanceof String ? "'" + node.text() + "'" : node.text();
    }
}
