package org.harl.core.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.harl.core.config.ConfigNode.ListNode;
import org.harl.core.config.ConfigNode.MapNode;
import org.harl.core.config.ConfigNode.ScalarNode;

/**
 * Base inheritance and overrides on config trees. Rules: maps merge key by key, lists and scalars replace, and a
 * component whose {@code type:} changes is replaced as a whole (its old keys belong to another record). A string
 * where a map is merged in is a component's {@code type} shorthand ({@code loss: byol} = {@code {type: byol}}).
 * Every method returns a new tree; inputs are never modified.
 */
public final class TreeOps {

    public static final String TYPE = "type";

    private TreeOps() {
    }

    /** {@code override} laid over {@code base}. */
    public static ConfigNode merge(ConfigNode base, ConfigNode override) {
        if (!(override instanceof MapNode om)) {
            return override;
        }
        MapNode bm = asMap(base);
        if (bm == null) {
            return override;
        }
        if (om.has(TYPE) && bm.has(TYPE) && !sameValue(om.get(TYPE), bm.get(TYPE))) {
            return override;
        }
        MapNode result = bm;
        for (Map.Entry<String, ConfigNode> e : om.values().entrySet()) {
            ConfigNode merged = bm.has(e.getKey()) ? merge(bm.get(e.getKey()), e.getValue()) : e.getValue();
            result = result.with(e.getKey(), merged, om.keyOrigin(e.getKey()));
        }
        return result;
    }

    /** Plain-Java variant of {@link #merge(ConfigNode, ConfigNode)}. */
    public static Object merge(Object base, Object override) {
        Origin memory = Origin.of("<memory>");
        return merge(ConfigNode.fromPlain(base, memory), ConfigNode.fromPlain(override, memory)).toPlain();
    }

    /**
     * Sets a dotted key such as {@code optimizer.base_lr} or {@code logging.0.type} (numeric segments index lists;
     * the index one past the end appends). Missing maps are created; setting {@code type} to a new name replaces the
     * component. Throws a {@link ConfigException} at {@code origin} when the path cannot be followed.
     */
    public static MapNode set(MapNode root, String dottedKey, ConfigNode value, Origin origin) {
        if (dottedKey.isBlank() || dottedKey.startsWith(".") || dottedKey.endsWith(".") || dottedKey.contains("..")) {
            throw new ConfigException(origin, dottedKey, "malformed key (expected dotted keys such as loss.tau)");
        }
        List<String> segments = List.of(dottedKey.split("\\."));
        return (MapNode) setIn(root, segments, 0, value, origin);
    }

    /** Plain-Java variant of {@link #set(MapNode, String, ConfigNode, Origin)}. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> set(Map<String, Object> root, String dottedKey, Object value) {
        Origin origin = Origin.of(dottedKey);
        MapNode tree = (MapNode) ConfigNode.fromPlain(root, origin);
        return (Map<String, Object>) set(tree, dottedKey, ConfigNode.fromPlain(value, origin), origin).toPlain();
    }

    /**
     * Applies {@code key=value} assignments in order; values are read as YAML ({@code 0.5}, {@code true},
     * {@code [a, b]}). All malformed assignments are reported together.
     */
    public static MapNode applyOverrides(MapNode root, List<String> assignments) {
        ConfigErrors errors = new ConfigErrors();
        MapNode result = root;
        for (String a : assignments) {
            Origin origin = Origin.override(a);
            int eq = a.indexOf('=');
            if (eq <= 0) {
                errors.add(origin, "", "expected KEY=VALUE, e.g. --set optimizer.base_lr=0.2");
                continue;
            }
            ConfigNode value = YamlReader.readValue(a.substring(eq + 1), origin, errors);
            if (value == null) {
                continue;
            }
            try {
                result = set(result, a.substring(0, eq).trim(), value, origin);
            } catch (ConfigException e) {
                errors.addAll(e);
            }
        }
        errors.throwIfAny();
        return result;
    }

    private static ConfigNode setIn(ConfigNode node, List<String> segs, int i, ConfigNode value, Origin origin) {
        String seg = segs.get(i);
        boolean last = i == segs.size() - 1;
        String here = String.join(".", segs.subList(0, i + 1));
        if (node instanceof ListNode list) {
            int index;
            try {
                index = Integer.parseInt(seg);
            } catch (NumberFormatException e) {
                throw new ConfigException(origin, here, "'" + seg + "' is not a list index ("
                        + String.join(".", segs.subList(0, i)) + " is a list of " + list.items().size() + ")");
            }
            if (index < 0 || index > list.items().size()) {
                throw new ConfigException(origin, here, "index " + index + " is out of range (the list has "
                        + list.items().size() + " items; use " + list.items().size() + " to append)");
            }
            List<ConfigNode> items = new ArrayList<>(list.items());
            ConfigNode old = index < items.size() ? items.get(index) : null;
            ConfigNode updated = last ? value : setIn(old, segs, i + 1, value, origin);
            if (index < items.size()) {
                items.set(index, updated);
            } else {
                items.add(updated);
            }
            return new ListNode(items, list.origin());
        }
        MapNode map = asMap(node);
        if (map == null) {
            if (node != null && !(node instanceof ScalarNode s && s.value() == null)) {
                throw new ConfigException(origin, here, "cannot set a key inside "
                        + String.join(".", segs.subList(0, i)) + ", which is a value, not a map");
            }
            map = MapNode.empty(origin);
        }
        ConfigNode old = map.get(seg);
        if (last && seg.equals(TYPE) && old != null && !sameValue(old, value)) {
            return MapNode.empty(map.origin()).with(TYPE, value, origin);
        }
        ConfigNode updated = last ? value : setIn(old, segs, i + 1, value, origin);
        return map.with(seg, updated, origin);
    }

    /** A map as is, a string as the {@code type} shorthand, anything else null. */
    private static MapNode asMap(ConfigNode node) {
        if (node instanceof MapNode m) {
            return m;
        }
        if (node instanceof ScalarNode s && s.value() instanceof String type) {
            return MapNode.empty(s.origin()).with(TYPE, s, s.origin());
        }
        return null;
    }

    private static boolean sameValue(ConfigNode a, ConfigNode b) {
        return a instanceof ScalarNode x && b instanceof ScalarNode y && Objects.equals(x.value(), y.value());
    }
}
