package org.harl.core.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Operations on YAML trees (maps, lists, scalars) used by the sweep expansion. */
final class Trees {

    private Trees() {
    }

    /** A deep, mutable copy with String keys. */
    static Object copy(Object node) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), copy(v)));
            return out;
        }
        if (node instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(copy(v)));
            return out;
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> stringKeys(Map<?, ?> map) {
        return (Map<String, Object>) copy(map);
    }

    /**
     * Sets the value at a dotted path such as {@code augmentation.views.1.p}: a segment indexes a list when the
     * node there is a list, otherwise names a map key (missing maps are created, so the binder can name an unknown
     * key with its file position).
     *
     * @throws IllegalArgumentException naming the path when a list index is out of range or a scalar is in the way
     */
    @SuppressWarnings("unchecked")
    static void set(Map<String, Object> root, String path, Object value) {
        String[] parts = path.split("\\.", -1);
        Object node = root;
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (part.isEmpty()) {
                throw new IllegalArgumentException("'" + path + "': empty segment in dotted key");
            }
            boolean last = i == parts.length - 1;
            String where = String.join(".", java.util.Arrays.copyOf(parts, i));
            if (node instanceof List<?> l) {
                List<Object> list = (List<Object>) l;
                int index;
                try {
                    index = Integer.parseInt(part);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + path + "': '" + where + "' is a list; '" + part
                            + "' is not an index");
                }
                if (index < 0 || index >= list.size()) {
                    throw new IllegalArgumentException("'" + path + "': index " + index + " out of range, '" + where
                            + "' has " + list.size() + " elements");
                }
                if (last) {
                    list.set(index, copy(value));
                } else {
                    node = list.get(index);
                }
            } else if (node instanceof Map<?, ?> m) {
                Map<String, Object> map = (Map<String, Object>) m;
                if (last) {
                    map.put(part, copy(value));
                } else {
                    node = map.computeIfAbsent(part, k -> new LinkedHashMap<String, Object>());
                }
            } else {
                throw new IllegalArgumentException("'" + path + "': '" + where + "' is a value (" + node
                        + "), not a map or list");
            }
        }
    }

    /**
     * Merges {@code overrides} into {@code target}: maps merge key by key, lists and scalars replace, and a map
     * that changes {@code type:} replaces the whole node (the old type's keys would not fit the new type).
     */
    @SuppressWarnings("unchecked")
    static void merge(Map<String, Object> target, Map<String, Object> overrides) {
        overrides.forEach((key, value) -> {
            Object current = target.get(key);
            if (current instanceof Map<?, ?> cm && value instanceof Map<?, ?> vm
                    && (!vm.containsKey("type") || java.util.Objects.equals(vm.get("type"), cm.get("type")))) {
                merge((Map<String, Object>) cm, (Map<String, Object>) vm);
            } else {
                target.put(key, copy(value));
            }
        });
    }
}
