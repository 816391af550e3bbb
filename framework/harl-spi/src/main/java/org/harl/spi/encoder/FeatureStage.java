package org.harl.spi.encoder;

import java.util.Locale;

/**
 * Which feature map of a frozen encoder: {@code C5}, the last stage's (the representation), or {@code C4}, the
 * stage before it (twice as fine a grid, fewer channels). Config keys and options spell them {@code c5} and
 * {@code c4}.
 */
public enum FeatureStage {
    C4, C5;

    /** The config spelling, e.g. {@code c4}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code c4} or {@code c5} (any case); the error names {@code what} (a key or option). */
    public static FeatureStage parse(String value, String what) {
        for (FeatureStage s : values()) {
            if (s.key().equalsIgnoreCase(value == null ? "" : value.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException(what + " must be c5 or c4, got '" + value + "'");
    }
}
