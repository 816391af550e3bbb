package org.harl.core.config;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.harl.core.config.ConfigNode.ListNode;
import org.harl.core.config.ConfigNode.MapNode;
import org.harl.core.config.ConfigNode.ScalarNode;
import org.harl.spi.config.InvalidConfigException;
import org.harl.spi.config.Required;

/**
 * Binds YAML trees onto config records: YAML values over the record's defaults, snake_case keys, strict types.
 * Every problem is added to a {@link ConfigErrors}; a failed bind returns null.
 *
 * <p>Supported component types: primitives and boxes, String, enums (case-insensitive, {@code -} for {@code _}),
 * Path, {@code List<T>}, {@code Map<String, T>}, {@code Optional<T>}, nested records (defaults from the enclosing
 * default or the record's static {@code defaults()}), and records with {@code public static X fromScalar(Object)}
 * given as a scalar or a list.
 */
public final class RecordBinder {

    private static final Object FAILED = new Object();

    /** Binds {@code node} (a map, or null for "all defaults") onto {@code type} starting from {@code defaults}. */
    public <R extends Record> R bind(Class<R> type, R defaults, ConfigNode node, String path, ConfigErrors errors) {
        Object v = bindRecord(type, defaults, node, path, errors);
        return v == FAILED ? null : type.cast(v);
    }

    /** Binds a value of any supported type; null when it failed (errors were added). */
    public Object bindValue(Type type, Object defaultValue, ConfigNode node, String path, ConfigErrors errors) {
        Object v = value(type, defaultValue, node, path, errors);
        return v == FAILED ? null : v;
    }

    private Object value(Type type, Object def, ConfigNode node, String path, ConfigErrors errors) {
        Class<?> raw = rawClass(type);
        if (raw == Optional.class) {
            if (node instanceof ScalarNode s && s.value() == null) {
                return Optional.empty();
            }
            Object inner = value(typeArg(type, 0), def instanceof Optional<?> o ? o.orElse(null) : null, node,
                    path, errors);
            return inner == FAILED ? FAILED : Optional.ofNullable(inner);
        }
        if (raw.isRecord()) {
            return recordValue(raw, def, node, path, errors);
        }
        if (raw == List.class) {
            if (!(node instanceof ListNode list)) {
                return nullOr(node, raw, path, errors, "expected a list");
            }
            List<Object> out = new ArrayList<>();
            boolean ok = true;
            for (int i = 0; i < list.items().size(); i++) {
                Object item = value(typeArg(type, 0), null, list.items().get(i), path + "." + i, errors);
                ok &= item != FAILED;
                out.add(item);
            }
            return ok ? java.util.Collections.unmodifiableList(out) : FAILED;
        }
        if (raw == Map.class) {
            if (!(node instanceof MapNode map)) {
                return nullOr(node, raw, path, errors, "expected a map");
            }
            Map<String, Object> out = new LinkedHashMap<>();
            boolean ok = true;
            for (Map.Entry<String, ConfigNode> e : map.values().entrySet()) {
                Object item = value(typeArg(type, 1), null, e.getValue(), path + "." + e.getKey(), errors);
                ok &= item != FAILED;
                out.put(e.getKey(), item);
            }
            return ok ? java.util.Collections.unmodifiableMap(out) : FAILED;
        }
        if (raw == Object.class) {
            return node.toPlain();
        }
        if (!(node instanceof ScalarNode scalar)) {
            errors.add(node.origin(), path, "expected " + RecordSchema.typeName(type) + ", got a "
                    + (node instanceof ListNode ? "list" : "map"));
            return FAILED;
        }
        try {
            return ScalarConverter.convert(scalar, raw);
        } catch (IllegalArgumentException e) {
            errors.add(node.origin(), path, e.getMessage());
            return FAILED;
        }
    }

    private Object recordValue(Class<?> raw, Object def, ConfigNode node, String path, ConfigErrors errors) {
        if (node instanceof ScalarNode s && s.value() == null) {
            return null;
        }
        // a list goes to fromScalar too: settings such as training.device are a word or a list of words
        if (node instanceof ScalarNode || node instanceof ListNode && fromScalar(raw) != null) {
            Method fromScalar = fromScalar(raw);
            if (fromScalar == null) {
                errors.add(node.origin(), path, "expected a map of " + RecordSchema.typeName(raw) + " keys ("
                        + String.join(", ", RecordSchema.keyNames(raw.asSubclass(Record.class))) + "), got "
                        + ((ScalarNode) node).text());
                return FAILED;
            }
            try {
                return fromScalar.invoke(null, node instanceof ScalarNode s ? s.value() : node.toPlain());
            } catch (InvocationTargetException e) {
                errors.add(node.origin(), path, causeMessage(e.getCause()));
                return FAILED;
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        Record defaults = def instanceof Record r ? r : RecordSchema.staticDefaults(raw);
        return bindRecord(raw.asSubclass(Record.class), defaults, node, path, errors);
    }

    private Object bindRecord(Class<? extends Record> type, Record defaults, ConfigNode node, String path,
                              ConfigErrors errors) {
        if (node != null && !(node instanceof MapNode)) {
            if (node instanceof ScalarNode s && s.value() == null) {
                node = null;
            } else {
                errors.add(node.origin(), path, "expected a map of keys ("
                        + String.join(", ", RecordSchema.keyNames(type)) + ")");
                return FAILED;
            }
        }
        MapNode map = node == null ? MapNode.empty(Origin.of("<defaults>")) : (MapNode) node;
        RecordComponent[] components = type.getRecordComponents();
        List<String> keys = RecordSchema.keyNames(type);
        int before = errors.count();
        for (String key : map.values().keySet()) {
            if (!keys.contains(key)) {
                errors.add(map.keyOrigin(key), join(path, key), "unknown key '" + key + "';"
                        + Suggestions.didYouMean(key, keys) + " valid keys: " + String.join(", ", keys));
            }
        }
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            String key = keys.get(i);
            Object def = defaults == null ? null : RecordSchema.componentValue(defaults, c);
            ConfigNode v = map.get(key);
            if (v == null) {
                boolean noDefault = defaults == null && c.getType() != Optional.class;
                if (c.isAnnotationPresent(Required.class) || noDefault) {
                    errors.add(map.origin(), join(path, key), "missing required key '" + key + "' ("
                            + RecordSchema.typeName(c.getGenericType()) + ")");
                    continue;
                }
                args[i] = defaults == null ? Optional.empty() : def;
            } else {
                Object bound = value(c.getGenericType(), def, v, join(path, key), errors);
                args[i] = bound == FAILED ? null : bound;
            }
        }
        if (errors.count() > before) {
            return FAILED;
        }
        return construct(type, args, map, path, errors);
    }

    private Object construct(Class<? extends Record> type, Object[] args, MapNode map, String path,
                             ConfigErrors errors) {
        try {
            Class<?>[] types = java.util.Arrays.stream(type.getRecordComponents())
                    .map(RecordComponent::getType).toArray(Class<?>[]::new);
            Constructor<? extends Record> ctor = type.getDeclaredConstructor(types);
            ctor.setAccessible(true);
            return ctor.newInstance(args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof InvalidConfigException ice) {
                ConfigNode at = map.get(ice.key());
                errors.add(at != null ? at.origin() : map.origin(), join(path, ice.key()), causeMessage(ice));
            } else {
                errors.add(map.origin(), path, causeMessage(e.getCause()));
            }
            return FAILED;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct " + type.getName(), e);
        }
    }

    /** The exception's message without the {@code key: } prefix InvalidConfigException adds. */
    private static String causeMessage(Throwable t) {
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        if (t instanceof InvalidConfigException ice && m.startsWith(ice.key() + ": ")) {
            return m.substring(ice.key().length() + 2);
        }
        return m;
    }

    private static Object nullOr(ConfigNode node, Class<?> raw, String path, ConfigErrors errors, String message) {
        if (node instanceof ScalarNode s && s.value() == null) {
            return null;
        }
        errors.add(node.origin(), path, message + ", got " + (node instanceof ScalarNode s ? s.text() : "a map"));
        return FAILED;
    }

    private static Method fromScalar(Class<?> type) {
        try {
            Method m = type.getMethod("fromScalar", Object.class);
            return Modifier.isStatic(m.getModifiers()) ? m : null;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        if (type instanceof Class<?> c) {
            return c;
        }
        throw new IllegalArgumentException("unsupported config type " + type);
    }

    private static Type typeArg(Type type, int i) {
        if (type instanceof ParameterizedType p) {
            Type arg = p.getActualTypeArguments()[i];
            return arg instanceof java.lang.reflect.WildcardType w ? w.getUpperBounds()[0] : arg;
        }
        return Object.class;
    }
}
