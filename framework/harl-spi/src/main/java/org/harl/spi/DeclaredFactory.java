package org.harl.spi;

import java.util.Objects;

/** The factory {@link ComponentFactory#of} returns. */
record DeclaredFactory<C extends Record, T>(ComponentKind kind, String name, String description, Class<C> configType,
                                            C defaults, ComponentFactory.Creator<? super C, ? extends T> creator)
        implements ComponentFactory<C, T> {

    DeclaredFactory {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(configType, "configType");
        Objects.requireNonNull(defaults, "defaults");
        Objects.requireNonNull(creator, "creator");
        if (!name.matches("[a-z][a-z0-9]*(_[a-z0-9]+)*")) {
            throw new IllegalArgumentException(kind.key() + " name '" + name + "' is not snake_case (lowercase "
                    + "letters and digits joined by single underscores, starting with a letter)");
        }
        if (!configType.isInstance(defaults)) {
            throw new IllegalArgumentException(kind.key() + " '" + name + "': defaults are a "
                    + defaults.getClass().getName() + ", not the config type " + configType.getName());
        }
    }

    @Override
    public T create(C config, PluginContext context) {
        return creator.create(config, context);
    }

    /** Names the component, not its defaults: registry errors print factories. */
    @Override
    public String toString() {
        return kind.key() + " '" + name + "' (config " + configType.getName() + ")";
    }
}
