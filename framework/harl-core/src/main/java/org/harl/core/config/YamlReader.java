package org.harl.core.config;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads YAML into {@link ConfigNode} trees with positions. Safe by construction: SnakeYAML only composes node
 * trees (no objects are constructed from tags), tags other than the core schema's are rejected, and duplicate keys
 * are errors. Errors are collected, not thrown one by one.
 */
public final class YamlReader {

    private static final Set<Tag> SCALAR_TAGS = Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.TIMESTAMP);
    private static final int MAX_DEPTH = 64;

    private YamlReader() {
    }

    /** Reads a file whose top level must be a mapping; {@code display} is how errors name the file. */
    public static ConfigNode.MapNode readFile(Path file, String display, ConfigErrors errors) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            errors.add(Origin.of(display), "", "file not found");
            return null;
        } catch (IOException e) {
            errors.add(Origin.of(display), "", "cannot read: " + e.getMessage());
            return null;
        }
        ConfigNode root = read(text, display, errors);
        if (root == null) {
            if (errors.isEmpty()) {
                errors.add(Origin.of(display), "", "the file is empty (expected a mapping of experiment keys)");
            }
            return null;
        }
        if (!(root instanceof ConfigNode.MapNode map)) {
            errors.add(root.origin(), "", "the top level must be a mapping of keys, not a " + kind(root));
            return null;
        }
        return map;
    }

    /** Parses one YAML document; null when empty or on a syntax error (which is added to {@code errors}). */
    public static ConfigNode read(String text, String display, ConfigErrors errors) {
        Node node;
        try {
            node = yaml().compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            Origin at = m == null ? Origin.of(display) : new Origin(display, m.getLine() + 1, m.getColumn() + 1);
            String problem = e.getProblem() == null ? e.getMessage() : e.getProblem();
            errors.add(at, "", "YAML error: " + problem
                    + (e.getContext() == null ? "" : " (" + e.getContext() + ")"));
            return null;
        } catch (YAMLException e) {
            errors.add(Origin.of(display), "", "YAML error: " + e.getMessage());
            return null;
        }
        return node == null ? null : convert(node, display, errors, 0);
    }

    /** Parses a command-line value ({@code --set k=v}) as YAML: a scalar, or a flow list/map such as [a, b]. */
    public static ConfigNode readValue(String text, Origin origin, ConfigErrors errors) {
        ConfigErrors local = new ConfigErrors();
        ConfigNode node = read(text, origin.source(), local);
        if (!local.isEmpty()) {
            local.list().forEach(e -> errors.add(origin, "", e.message()));
            return null;
        }
        return node == null ? new ConfigNode.ScalarNode(null, "", origin) : relocate(node, origin);
    }

    private static ConfigNode relocate(ConfigNode node, Origin origin) {
        return ConfigNode.fromPlain(node.toPlain(), origin);
    }

    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setAllowRecursiveKeys(false);
        options.setMaxAliasesForCollections(50);
        return new Yaml(new ScalarConstructor(options));
    }

    private static ConfigNode convert(Node node, String display, ConfigErrors errors, int depth) {
        Origin origin = new Origin(display, node.getStartMark().getLine() + 1, node.getStartMark().getColumn() + 1);
        if (depth > MAX_DEPTH) {
            errors.add(origin, "", "nesting deeper than " + MAX_DEPTH + " levels (recursive alias?)");
            return new ConfigNode.ScalarNode(null, "", origin);
        }
        if (node instanceof MappingNode m) {
            if (!Tag.MAP.equals(m.getTag())) {
                errors.add(origin, "", "tag '" + m.getTag().getValue() + "' is not allowed; plain YAML only");
            }
            Map<String, ConfigNode> values = new LinkedHashMap<>();
            Map<String, Origin> keys = new LinkedHashMap<>();
            for (NodeTuple t : m.getValue()) {
                Node k = t.getKeyNode();
                Origin keyOrigin = new Origin(display, k.getStartMark().getLine() + 1,
                        k.getStartMark().getColumn() + 1);
                if (!(k instanceof ScalarNode ks) || !SCALAR_TAGS.contains(ks.getTag())) {
                    errors.add(keyOrigin, "", "keys must be plain scalars");
                    continue;
                }
                String key = ks.getValue();
                if (values.containsKey(key)) {
                    errors.add(keyOrigin, key, "duplicate key (first given at line " + keys.get(key).line() + ")");
                    continue;
                }
                keys.put(key, keyOrigin);
                values.put(key, convert(t.getValueNode(), display, errors, depth + 1));
            }
            return new ConfigNode.MapNode(values, keys, origin);
        }
        if (node instanceof SequenceNode s) {
            if (!Tag.SEQ.equals(s.getTag())) {
                errors.add(origin, "", "tag '" + s.getTag().getValue() + "' is not allowed; plain YAML only");
            }
            List<ConfigNode> items = new ArrayList<>();
            s.getValue().forEach(n -> items.add(convert(n, display, errors, depth + 1)));
            return new ConfigNode.ListNode(items, origin);
        }
        ScalarNode sc = (ScalarNode) node;
        if (!SCALAR_TAGS.contains(sc.getTag())) {
            errors.add(origin, "", "tag '" + sc.getTag().getValue() + "' is not allowed; plain YAML only");
            // Go on as if the tag were absent, so that the value gives no second error.
            Tag implicit = new Resolver().resolve(NodeId.scalar, sc.getValue(), true);
            ScalarNode untagged = new ScalarNode(implicit, sc.getValue(), sc.getStartMark(), sc.getEndMark(),
                    sc.getScalarStyle());
            return new ConfigNode.ScalarNode(scalarValue(untagged, origin, errors), sc.getValue(), origin);
        }
        return new ConfigNode.ScalarNode(scalarValue(sc, origin, errors), sc.getValue(), origin);
    }

    private static Object scalarValue(ScalarNode sc, Origin origin, ConfigErrors errors) {
        if (Tag.STR.equals(sc.getTag()) || Tag.TIMESTAMP.equals(sc.getTag())) {
            return sc.getValue(); // dates stay text: no config key is a date
        }
        try {
            Object v = new ScalarConstructor(new LoaderOptions()).scalar(sc);
            if (v instanceof Integer || v instanceof Long) {
                return ((Number) v).longValue();
            }
            if (v instanceof BigInteger b) {
                return b.bitLength() < 64 ? (Object) b.longValue() : b;
            }
            return v;
        } catch (YAMLException | NumberFormatException e) {
            errors.add(origin, "", "cannot read '" + sc.getValue() + "' as " + sc.getTag().getValue());
            return sc.getValue();
        }
    }

    /** Exposes SafeConstructor's scalar resolution (ints in any base, floats, .inf, booleans, nulls) only. */
    private static final class ScalarConstructor extends SafeConstructor {
        ScalarConstructor(LoaderOptions options) {
            super(options);
        }

        Object scalar(ScalarNode node) {
            return constructObject(node);
        }
    }

    private static String kind(ConfigNode node) {
        return node instanceof ConfigNode.ListNode ? "list" : "scalar";
    }
}
