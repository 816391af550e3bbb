package org.harl.core.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A config is invalid; carries every error found (not just the first). Errors are grouped by source in order of
 * first appearance (a file, then each {@code --set} in the order given) and sorted by position within a file.
 */
public class ConfigException extends RuntimeException {
    private final List<ConfigError> errors;

    public ConfigException(List<ConfigError> errors) {
        super(sorted(errors).stream().map(ConfigError::toString).collect(Collectors.joining("\n")));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs at least one error");
        }
        this.errors = sorted(errors);
    }

    public ConfigException(Origin origin, String path, String message) {
        this(List.of(new ConfigError(origin, path, message)));
    }

    /** The errors in report order; {@link #getMessage()} prints one per line. */
    public List<ConfigError> errors() {
        return errors;
    }

    private static List<ConfigError> sorted(List<ConfigError> errors) {
        List<String> sources = new ArrayList<>();
        errors.forEach(e -> {
            if (!sources.contains(e.origin().source())) {
                sources.add(e.origin().source());
            }
        });
        Comparator<ConfigError> order = Comparator.<ConfigError>comparingInt(e -> sources.indexOf(e.origin().source()))
                .thenComparingInt(e -> e.origin().line()).thenComparingInt(e -> e.origin().column());
        return errors.stream().sorted(order).toList();
    }
}
