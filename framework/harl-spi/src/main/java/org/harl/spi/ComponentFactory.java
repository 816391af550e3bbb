package org.harl.spi;

/**
 * Builds one registered component from its typed config record.
 *
 * <p>The config record validates itself in its compact constructor (throwing
 * {@link org.harl.spi.config.InvalidConfigException} naming the key); {@link #defaults()} supplies every value a
 * YAML file may leave out. Components marked {@link org.harl.spi.config.Required} have no meaningful default.
 *
 * <p>Plugins declare factories with {@link #of}, next to the component they build:
 * <pre>{@code
 * public static final ComponentFactory<Config, MaskProposer> FACTORY = ComponentFactory.of(
 *         ComponentKind.MASK_PROPOSER, "center_prior", "centred ellipse covering a fixed fraction of the image",
 *         Config.class, new Config(0.3), (config, context) -> new CenterPriorProposer(config));
 * }</pre>
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

    /** What {@link #create} does, as a lambda or method reference. */
    @FunctionalInterface
    interface Creator<C, T> {
        T create(C config, PluginContext context);
    }

    /**
     * A factory of the given kind and registered name: {@code description} is the line {@code harl plugins list}
     * shows, {@code defaults} the complete default config (records are immutable, so one instance serves every
     * call) and {@code creator} builds the component.
     *
     * @throws IllegalArgumentException if {@code name} is not snake_case or {@code defaults} is not a
     *         {@code configType}
     */
    static <C extends Record, T> ComponentFactory<C, T> of(ComponentKind kind, String name, String description,
            Class<C> configType, C defaults, Creator<? super C, ? extends T> creator) {
        return new DeclaredFactory<>(kind, name, description, configType, defaults, creator);
    }
}
