package org.harl.core.config;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.harl.core.config.ConfigNode.MapNode;
import org.harl.core.config.ConfigNode.ScalarNode;
import org.harl.spi.ComponentFactory;
import org.harl.spi.ComponentKind;

/**
 * Binds one component node, {@code {type: name, key: value...}} or the shorthand {@code name}, onto the config
 * record of the factory registered under that name.
 */
@Singleton
public final class ComponentBinder {

    private final ComponentCatalog registry;
    private final RecordBinder records = new RecordBinder();

    @Inject
    public ComponentBinder(ComponentCatalog registry) {
        this.registry = registry;
    }

    /** The factories this binder binds against. */
    public ComponentCatalog catalog() {
        return registry;
    }

    /**
     * Binds a component given as a plain map (built in memory, e.g. by a plugin or the {@code masks} command);
     * errors name {@code source}.
     */
    public ComponentSpec bind(ComponentKind kind, Map<String, Object> spec, Path source) {
        ConfigErrors errors = new ConfigErrors();
        ComponentSpec bound = bind(kind, ConfigNode.fromPlain(spec, Origin.of(String.valueOf(source))), kind.key(),
                errors);
        errors.throwIfAny();
        return bound;
    }

    /**
     * Binds a component named on the command line with {@code --set key=value} overrides of its config
     * ({@code harl masks generate --proposer drfi --set threshold=0.4}); errors name the override.
     */
    public ComponentSpec bind(ComponentKind kind, String type, List<String> overrides) {
        Origin origin = Origin.of(kind.key() + " '" + type + "'");
        MapNode node = MapNode.empty(origin).with(TreeOps.TYPE, new ScalarNode(type, type, origin), origin);
        node = TreeOps.applyOverrides(node, overrides);
        ConfigErrors errors = new ConfigErrors();
        ComponentSpec bound = bind(kind, node, kind.key(), errors);
        errors.throwIfAny();
        return bound;
    }

    /** Binds a component node at {@code path}; null when it failed (errors were added). */
    public ComponentSpec bind(ComponentKind kind, ConfigNode node, String path, ConfigErrors errors) {
        MapNode map;
        if (node instanceof ScalarNode s && s.value() instanceof String name) {
            map = MapNode.empty(s.origin()).with(TreeOps.TYPE, s, s.origin());
        } else if (node instanceof MapNode m) {
            map = m;
        } else {
            errors.add(node.origin(), path, "expected a " + kind.key() + " name or a map with 'type:'; registered "
                    + kind.key() + " names: " + names(kind));
            return null;
        }
        ConfigNode typeNode = map.get(TreeOps.TYPE);
        if (typeNode == null) {
            errors.add(map.origin(), path, "missing key 'type'; registered " + kind.key() + " names: " + names(kind));
            return null;
        }
        if (!(typeNode instanceof ScalarNode ts) || !(ts.value() instanceof String type)) {
            errors.add(typeNode.origin(), path + ".type", "expected a " + kind.key() + " name; registered: "
                    + names(kind));
            return null;
        }
        ComponentFactory<?, ?> factory = registry.find(kind, type).orElse(null);
        if (factory == null) {
            errors.add(typeNode.origin(), path + ".type", registry.unknownMessage(kind, type));
            return null;
        }
        return bindWith(factory, map.without(TreeOps.TYPE), path + "(" + type + ")", errors);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private ComponentSpec bindWith(ComponentFactory<?, ?> factory, MapNode keys, String path, ConfigErrors errors) {
        Record config = records.bind((Class) factory.configType(), factory.defaults(), keys, path, errors);
        if (config == null) {
            return null;
        }
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put(TreeOps.TYPE, factory.name());
        ((Map<String, Object>) RecordSchema.plain(config)).forEach(raw::put);
        return new ComponentSpec(factory.kind(), factory.name(), config, raw);
    }

    private String names(ComponentKind kind) {
        return String.join(", ", registry.names(kind));
    }
}
