package org.harl.spi;

import java.util.List;

/**
 * A plugin: one per Maven module, listed in {@code META-INF/services/org.harl.spi.HarlPlugin} and found with
 * {@link java.util.ServiceLoader}. It only exposes factories; the core registers them by (kind, name) and rejects
 * duplicates.
 */
public interface HarlPlugin {

    /** A human name for listings; defaults to the class's simple name. */
    default String name() {
        return getClass().getSimpleName();
    }

    /** Every factory this plugin contributes, of any kinds. */
    List<ComponentFactory<?, ?>> factories();
}
