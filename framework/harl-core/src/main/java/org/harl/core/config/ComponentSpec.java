package org.harl.core.config;

import java.util.Map;
import java.util.Objects;
import org.harl.spi.ComponentKind;

/**
 * A bound component section: {@code type:} plus its validated config record.
 *
 * @param kind   the component kind
 * @param type   the registered name
 * @param config the factory's config record with YAML values over its defaults
 * @param raw    the resolved YAML map of this section (type included), for logging and cache keys
 */
public record ComponentSpec(ComponentKind kind, String type, Record config, Map<String, Object> raw) {
    public ComponentSpec {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(config, "config");
        raw = raw == null ? Map.of() : raw;
    }

    /** The config cast to its record type. */
    public <C extends Record> C config(Class<C> type) {
        return type.cast(config);
    }
}
