package org.harl.cli.masks;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.harl.core.registry.PluginRegistry;
import org.harl.spi.ComponentFactory;
import org.harl.spi.ComponentKind;
import org.harl.spi.PluginContext;
import org.harl.spi.mask.MaskProposer;

/**
 * Builds registered components for the mask tools. Configs are each factory's {@code defaults()}: binding
 * {@code --set key=value} needs the YAML binder of the core, which is not in this branch yet, so settings are
 * refused with a clear message instead of being ignored.
 */
final class ProposerFactory {

    private ProposerFactory() {
    }

    /** A tool context: paths resolve against the working directory. */
    static PluginContext context(long seed) {
        return new PluginContext() {
            public long seed() {
                return seed;
            }

            public Optional<Path> runDirectory() {
                return Optional.empty();
            }

            public Path resolvePath(String path) {
                return Path.of(path).toAbsolutePath();
            }

            public Object createComponent(ComponentKind kind, Map<String, Object> spec) {
                Object type = spec.get("type");
                if (type == null) {
                    throw new IllegalArgumentException(kind.key() + " spec needs a 'type'");
                }
                return create(kind, type.toString(), List.of(), this);
            }
        };
    }

    /** The registered component {@code name} of {@code kind} with default settings. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Object create(ComponentKind kind, String name, List<String> settings, PluginContext ctx) {
        if (!settings.isEmpty()) {
            throw new IllegalArgumentException("--set " + settings.get(0) + ": per-key settings need the config "
                    + "binder, not available in this build; use a YAML experiment or the defaults");
        }
        PluginRegistry registry = PluginRegistry.discover();
        ComponentFactory f = registry.factory(kind, name);
        return f.create(f.defaults(), ctx);
    }

    /** A key naming the proposer and its full config, for {@link org.harl.core.masks.CachingMaskProposer}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static String configKey(String name) {
        ComponentFactory f = PluginRegistry.discover().factory(ComponentKind.MASK_PROPOSER, name);
        return org.harl.core.masks.CachingMaskProposer.configKey(name, (Record) f.defaults());
    }

    static MaskProposer proposer(String name, List<String> settings, long seed) {
        return (MaskProposer) create(ComponentKind.MASK_PROPOSER, name, settings, context(seed));
    }
}
