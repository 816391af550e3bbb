package org.harl.spi;

/**
 * Builds one registered component from its typed config record.
 *
 * <p>The config record validates itself in its compact constructor (throwing
 * {@link org.harl.spi.config.InvalidConfigException} naming the key); {@link #defaults()} supplies every value a
 * YAML file may leave out. Components marked {@link org.harl.spi.config.Required} have no meaningful default.
 *
 * @param <C> the config record
 * @param <T> the component type (see {@link #kind()})
 */
public interface ComponentFactory<C extends Record, T> {

    /** What this factory builds. */
    ComponentKind kind();

    /** The registered snake_case name, unique per kind ({@code resnet18}, {@code drfi}). */
    String name();

    /** One line for {@code harl plugins list}. */
    default String description() {
        return "";
    }

    /** The config record type bound from YAML. */
    Class<C> configType();

    /** The config with every default filled in. */
    C defaults();

    /** Builds the component. */
    T create(C config, PluginContext context);
}
