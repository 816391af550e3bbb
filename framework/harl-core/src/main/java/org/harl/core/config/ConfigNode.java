package org.harl.core.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable YAML value that remembers where it came from, so that errors found after base merging and
 * overrides still point at a file, line and column. Plain-Java conversion both ways for trees built in memory.
 */
public sealed interface ConfigNode permits ConfigNode.MapNode, ConfigNode.ListNode, ConfigNode.ScalarNode {

    Origin origin();

    /** The value as plain Java: {@code LinkedHashMap}, {@code ArrayList}, String, Long, Double, Boolean or null. */
    Object toPlain();

    /** Wraps a plain Java tree (maps with String keys, lists, scalars); every node gets {@code origin}. */
    @SuppressWarnings("unchecked")
    static ConfigNode fromPlain(Object value, Origin origin) {
        if (value instanceof ConfigNode node) {
            return node;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, ConfigNode> values = new LinkedHashMap<>();
            Map<String, Origin> keys = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String key = String.valueOf(e.getKey());
                values.put(key, fromPlain(e.getValue(), origin));
                keys.put(key, origin);
            }
            return new MapNode(values, keys, origin);
        }
        if (value instanceof List<?> list) {
            return new ListNode(list.stream().map(v -> fromPlain(v, origin)).toList(), origin);
        }
        Object scalar = value instanceof Integer || value instanceof Short || value instanceof Byte
                ? Long.valueOf(((Number) value).longValue())
                : value instanceof Float f ? Double.valueOf(f) : value;
        return new ScalarNode(scalar, value == null ? "null" : String.valueOf(value), origin);
    }

    /** A mapping: values and the position of each key, in file order. */
    record MapNode(Map<String, ConfigNode> values, Map<String, Origin> keyOrigins, Origin origin)
            implements ConfigNode {
        public MapNode {
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
            keyOrigins = Collections.unmodifiableMap(new LinkedHashMap<>(keyOrigins));
        }

        public static MapNode empty(Origin origin) {
            return new MapNode(Map.of(), Map.of(), origin);
        }

        public ConfigNode get(String key) {
            return values.get(key);
        }

        public boolean has(String key) {
            return values.containsKey(key);
        }

        /** Where key {@code key} is written, or the map's own origin. */
        public Origin keyOrigin(String key) {
            return keyOrigins.getOrDefault(key, origin);
        }

        /** The string value of {@code key} if it is a string scalar, else null. */
        public String string(String key) {
            return values.get(key) instanceof ScalarNode s && s.value() instanceof String str ? str : null;
        }

        /** A copy with {@code key} set (appended if new, in place if present). */
        public MapNode with(String key, ConfigNode value, Origin keyOrigin) {
            Map<String, ConfigNode> v = new LinkedHashMap<>(values);
            Map<String, Origin> k = new LinkedHashMap<>(keyOrigins);
            v.put(key, value);
            k.putIfAbsent(key, keyOrigin);
            return new MapNode(v, k, origin);
        }

        /** A copy without {@code key}. */
        public MapNode without(String key) {
            Map<String, ConfigNode> v = new LinkedHashMap<>(values);
            Map<String, Origin> k = new LinkedHashMap<>(keyOrigins);
            v.remove(key);
            k.remove(key);
            return new MapNode(v, k, origin);
        }

        @Override
        public Map<String, Object> toPlain() {
            Map<String, Object> out = new LinkedHashMap<>();
            values.forEach((k, v) -> out.put(k, v.toPlain()));
            return out;
        }
    }

    /** A sequence. */
    record ListNode(List<ConfigNode> items, Origin origin) implements ConfigNode {
        public ListNode {
            items = List.copyOf(items);
        }

        @Override
        public List<Object> toPlain() {
            List<Object> out = new ArrayList<>();
            items.forEach(i -> out.add(i.toPlain()));
            return out;
        }
    }

    /**
     * A scalar.
     *
     * @param value String, Long, BigInteger, Double, Boolean or null, as YAML resolved the plain text
     * @param text  the text as written (used when a string is expected and YAML read a number)
     */
    record ScalarNode(Object value, String text, Origin origin) implements ConfigNode {
        @Override
        public Object toPlain() {
            return value;
        }
    }
}
