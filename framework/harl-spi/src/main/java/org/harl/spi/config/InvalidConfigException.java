package org.harl.spi.config;

/**
 * Thrown by a config record's compact constructor when a value is out of range. The binder prefixes the file,
 * line, column and path, so the message only needs to say what is wrong with {@link #key()}.
 */
public class InvalidConfigException extends IllegalArgumentException {
    private final String key;

    public InvalidConfigException(String key, String message) {
        super(key + ": " + message);
        this.key = key;
    }

    /** The record component (snake_case YAML key) at fault. */
    public String key() {
        return key;
    }

    /** Throws unless {@code condition} holds. */
    public static void check(boolean condition, String key, String message) {
        if (!condition) {
            throw new InvalidConfigException(key, message);
        }
    }
}
