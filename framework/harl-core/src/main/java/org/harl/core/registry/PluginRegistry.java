package org.harl.core.registry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.harl.core.config.ComponentCatalog;
import org.harl.core.config.ComponentSpec;
import org.harl.core.config.Suggestions;
import org.harl.spi.ComponentFactory;
import org.harl.spi.ComponentKind;
import org.harl.spi.HarlPlugin;
import org.harl.spi.PluginContext;

/**
 * Every factory of every loaded plugin, by (kind, name). Built once at start; fails on zero plugins and on two
 * factories with the same (kind, name), naming both classes.
 */
public final class PluginRegistry implements ComponentCatalog {

    private final List<HarlPlugin> plugins;
    private final Map<ComponentKind, Map<String, ComponentFactory<?, ?>>> byKind = new EnumMap<>(ComponentKind.class);
    private final Map<ComponentFactory<?, ?>, HarlPlugin> owner = new java.util.IdentityHashMap<>();

    public PluginRegistry(List<HarlPlugin> plugins) {
        if (plugins.isEmpty()) {
            throw new PluginLoadException("No plugins found: no class implements org.harl.spi.HarlPlugin on the "
                    + "classpath (each plugin module lists one in META-INF/services/org.harl.spi.HarlPlugin)");
        }
        this.plugins = List.copyOf(plugins);
        for (ComponentKind k : ComponentKind.values()) {
            byKind.put(k, new TreeMap<>());
        }
        for (HarlPlugin plugin : plugins) {
            for (ComponentFactory<?, ?> f : plugin.factories()) {
                ComponentFactory<?, ?> previous = byKind.get(f.kind()).putIfAbsent(f.name(), f);
                if (previous != null) {
                    throw new PluginLoadException("Duplicate " + f.kind().key() + " '" + f.name() + "': registered by "
                            + previous.getClass().getName() + " (plugin " + owner.get(previous).getClass().getName()
                            + ") and by " + f.getClass().getName() + " (plugin " + plugin.getClass().getName() + ")");
                }
                owner.put(f, plugin);
            }
        }
    }

    /** Discovers plugins with {@link ServiceLoader} on the given class loader. */
    public static PluginRegistry discover(ClassLoader loader) {
        List<HarlPlugin> found = new ArrayList<>();
        ServiceLoader.load(HarlPlugin.class, loader).forEach(found::add);
        return new PluginRegistry(found);
    }

    /** Discovers plugins on the class loader that loaded the core. */
    public static PluginRegistry discover() {
        return discover(PluginRegistry.class.getClassLoader());
    }

    public List<HarlPlugin> plugins() {
        return plugins;
    }

    /** The factories of a kind, sorted by name. */
    public Collection<ComponentFactory<?, ?>> factories(ComponentKind kind) {
        return Collections.unmodifiableCollection(byKind.get(kind).values());
    }

    @Override
    public Optional<ComponentFactory<?, ?>> find(ComponentKind kind, String name) {
        return Optional.ofNullable(byKind.get(kind).get(name));
    }

    /** The factory, or an error listing the registered names of that kind and the loaded plugins. */
    public ComponentFactory<?, ?> factory(ComponentKind kind, String name) {
        return find(kind, name).orElseThrow(() -> new PluginLoadException(unknownMessage(kind, name)));
    }

    /** The registered names of a kind, sorted. */
    @Override
    public List<String> names(ComponentKind kind) {
        return List.copyOf(byKind.get(kind).keySet());
    }

    /** "unknown loss 'byol_cos'; did you mean 'byol'? registered: byol, harl; loaded plugins: ...". */
    @Override
    public String unknownMessage(ComponentKind kind, String name) {
        return "unknown " + kind.key() + " '" + name + "';" + Suggestions.didYouMean(name, names(kind))
                + " registered: " + (byKind.get(kind).isEmpty() ? "(none)" : String.join(", ", names(kind)))
                + "; loaded plugins: " + String.join(", ", plugins.stream().map(p -> p.getClass().getName()).toList());
    }

    /** The plugin that contributed a factory. */
    public HarlPlugin ownerOf(ComponentFactory<?, ?> factory) {
        return owner.get(factory);
    }

    /** Builds a bound component. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> T create(ComponentSpec spec, PluginContext context, Class<T> type) {
        ComponentFactory f = factory(spec.kind(), spec.type());
        Object component = f.create(spec.config(), context);
        if (!type.isInstance(component)) {
            // A plugin bug, not a config error: say which factory broke the SPI contract.
            throw new PluginLoadException(spec.kind().key() + " '" + spec.type() + "' builds a "
                    + (component == null ? "null" : component.getClass().getName()) + ", which is not a "
                    + type.getName() + " (factory " + f.getClass().getName() + ")");
        }
        return type.cast(component);
    }
}
