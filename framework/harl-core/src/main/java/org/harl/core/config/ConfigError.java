package org.harl.core.config;

/**
 * One problem in a config: printed as {@code file:line:col path: message}.
 *
 * @param origin  where the offending key or value is
 * @param path    the dotted config path ({@code loss(byol).tau}); empty for the whole file
 * @param message what is wrong, and where possible how to fix it
 */
public record ConfigError(Origin origin, String path, String message) {

    @Override
    public String toString() {
        return path.isEmpty() ? origin + ": " + message : origin + " " + path + ": " + message;
    }
}
