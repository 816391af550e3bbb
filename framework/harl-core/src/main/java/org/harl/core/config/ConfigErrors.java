package org.harl.core.config;

import java.util.ArrayList;
import java.util.List;

/** Collects errors while a config is read and bound, so that all of them are reported at once. */
public final class ConfigErrors {
    private final List<ConfigError> errors = new ArrayList<>();

    public void add(Origin origin, String path, String message) {
        errors.add(new ConfigError(origin, path, message));
    }

    public void addAll(ConfigException e) {
        errors.addAll(e.errors());
    }

    public int count() {
        return errors.size();
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public List<ConfigError> list() {
        return List.copyOf(errors);
    }

    /** Throws a {@link ConfigException} carrying every error collected, if any. */
    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new ConfigException(List.copyOf(errors));
        }
    }
}
