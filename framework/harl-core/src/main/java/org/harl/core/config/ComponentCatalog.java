package org.harl.core.config;

import java.util.List;
import java.util.Optional;
import org.harl.spi.ComponentFactory;
import org.harl.spi.ComponentKind;

/**
 * The component factories a config binds against, by kind and registered name. The plugin registry is the one
 * implementation; binding needs only this view of it, so the config layer does not depend on plugin loading.
 */
public interface ComponentCatalog {

    Optional<ComponentFactory<?, ?>> find(ComponentKind kind, String name);

    /** The registered names of a kind, sorted. */
    List<String> names(ComponentKind kind);

    /** The error for an unregistered name: suggestions, the registered names, the loaded plugins. */
    String unknownMessage(ComponentKind kind, String name);
}
