package org.harl.core.config;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.harl.spi.config.Doc;
import org.harl.spi.config.Required;

/**
 * What a config record looks like from YAML: snake_case keys, readable type names, {@code @Doc} text, defaults,
 * and the record written back as a plain tree (for the resolved {@code config.yaml} and listings).
 */
public final class RecordSchema {

    private RecordSchema() {
    }

    /**
     * One YAML key of a record.
     *
     * @param key       snake_case YAML key
     * @param type      readable type ({@code int}, {@code list<string>}, {@code lars|sgd|adamw})
     * @param defaultValue the default as a plain tree (null when none)
     * @param doc       the {@code @Doc} text, or empty
     * @param required  whether YAML must set it
     */
    public record Key(String key, String type, Object defaultValue, String doc, boolean required) {
    }

    /** {@code batchSize} → {@code batch_size}, {@code useEMA} → {@code use_ema}, {@code layer2Width} → {@code layer2_width}. */
    public static String snake(String camel) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < camel.length(); i++) {
            char c = camel.charAt(i);
            if (Character.isUpperCase(c)) {
                boolean prevLowerOrDigit = i > 0 && !Character.isUpperCase(camel.charAt(i - 1));
                boolean acronymEnd = i > 0 && Character.isUpperCase(camel.charAt(i - 1))
                        && i + 1 < camel.length() && Character.isLowerCase(camel.charAt(i + 1));
                if (prevLowerOrDigit || acronymEnd) {
                    out.append('_');
                }
                out.append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The snake_case keys of a record, in declaration order. */
    public static List<String> keyNames(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents()).map(c -> snake(c.getName())).toList();
    }

    /** Every key with its type, default (from {@code defaults}, may be null), doc and whether it is required. */
    public static List<Key> keys(Class<? extends Record> type, Record defaults) {
        List<Key> out = new ArrayList<>();
        for (RecordComponent c : type.getRecordComponents()) {
            Doc doc = c.getAnnotation(Doc.class);
            Object def = defaults == null ? null : plain(componentValue(defaults, c));
            out.add(new Key(snake(c.getName()), typeName(c.getGenericType()), def, doc == null ? "" : doc.value(),
                    c.isAnnotationPresent(Required.class)));
        }
        return out;
    }

    /** The value of one component of a record. */
    public static Object componentValue(Record record, RecordComponent component) {
        try {
            Method accessor = component.getAccessor();
            accessor.setAccessible(true);
            return accessor.invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component.getName() + " of " + record.getClass(), e);
        }
    }

    /** The record's {@code public static T defaults()} result, or null when it declares none. */
    public static Record staticDefaults(Class<?> type) {
        try {
            Method m = type.getMethod("defaults");
            if (Modifier.isStatic(m.getModifiers()) && type.isAssignableFrom(m.getReturnType())) {
                return (Record) m.invoke(null);
            }
        } catch (NoSuchMethodException e) {
            return null;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(type.getName() + ".defaults() failed", e);
        }
        return null;
    }

    /** A readable YAML type name. */
    public static String typeName(Type type) {
        if (type instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            Type[] args = p.getActualTypeArguments();
            if (raw == List.class) {
                return "list<" + typeName(args[0]) + ">";
            }
            if (raw == Map.class) {
                return "map<string, " + typeName(args[1]) + ">";
            }
            if (raw == Optional.class) {
                return typeName(args[0]) + "?";
            }
            return raw.getSimpleName();
        }
        if (!(type instanceof Class<?> c)) {
            return type.getTypeName();
        }
        if (c == int.class || c == Integer.class || c == long.class || c == Long.class
                || c == short.class || c == Short.class) {
            return "int";
        }
        if (c == double.class || c == Double.class || c == float.class || c == Float.class) {
            return "number";
        }
        if (c == boolean.class || c == Boolean.class) {
            return "boolean";
        }
        if (c == String.class) {
            return "string";
        }
        if (Path.class.isAssignableFrom(c)) {
            return "path";
        }
        if (c.isEnum()) {
            return String.join("|", Arrays.stream(c.getEnumConstants()).map(e -> enumName((Enum<?>) e)).toList());
        }
        if (c == Object.class) {
            return "any";
        }
        return snake(c.getSimpleName());
    }

    /** An enum constant as YAML writes it: lowercase. */
    public static String enumName(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    /** A record's {@code public Object toScalar()}: how a record bound from a scalar is written back; or null. */
    private static Method toScalar(Class<?> type) {
        try {
            Method m = type.getMethod("toScalar");
            return Modifier.isStatic(m.getModifiers()) ? null : m;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    /** A bound value as a plain YAML tree: records as maps (or their {@code toScalar()}), enums lowercase, paths as strings, empty Optional null. */
    public static Object plain(Object value) {
        Method toScalar = value instanceof Record ? toScalar(value.getClass()) : null;
        if (toScalar != null) {
            try {
                return plain(toScalar.invoke(value));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(value.getClass().getName() + ".toScalar() failed", e);
            }
        }
        if (value instanceof Record r) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                out.put(snake(c.getName()), plain(componentValue(r, c)));
            }
            return out;
        }
        if (value instanceof Optional<?> o) {
            return o.map(RecordSchema::plain).orElse(null);
        }
        if (value instanceof Enum<?> e) {
            return enumName(e);
        }
        if (value instanceof Path p) {
            return p.toString();
        }
        if (value instanceof Float f) {
            return f.doubleValue();
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(v -> out.add(plain(v)));
            return out;
        }
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), plain(v)));
            return out;
        }
        return value;
    }
}
