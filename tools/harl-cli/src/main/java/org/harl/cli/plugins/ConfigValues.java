package org.harl.cli.plugins;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.harl.core.config.RecordSchema;

/** Config values as short flow-style YAML for listings: {@code [a, b]}, {@code {start: 1.0, end: 1.0}}. */
final class ConfigValues {

    private ConfigValues() {
    }

    static String format(Object plain) {
        if (plain == null) {
            return "null";
        }
        if (plain instanceof List<?> l) {
            return l.stream().map(ConfigValues::format).collect(Collectors.joining(", ", "[", "]"));
        }
        if (plain instanceof Map<?, ?> m) {
            return m.entrySet().stream().map(e -> e.getKey() + ": " + format(e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        if (plain instanceof String s && (s.isEmpty() || s.contains(",") || s.contains(":"))) {
            return "'" + s + "'";
        }
        return String.valueOf(plain);
    }

    /** The default shown for a key: {@code (required)} when YAML must set it. */
    static String defaultOf(RecordSchema.Key key) {
        return key.required() ? "(required)" : format(key.defaultValue());
    }
}
