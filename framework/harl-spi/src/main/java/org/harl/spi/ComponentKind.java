package org.harl.spi;

import java.util.Locale;

/** The kinds of pluggable components. The key is the YAML section name and the name used on the command line. */
public enum ComponentKind {
    BACKBONE("backbone"),
    AUGMENTATION("augmentation"),
    MASK_PROPOSER("mask_proposer"),
    LOSS("loss"),
    DATASET("dataset"),
    TRACKER("tracker");

    private final String key;

    ComponentKind(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** Parses a kind from its key ({@code mask_proposer}) or enum name, case-insensitively. */
    public static ComponentKind fromKey(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        for (ComponentKind k : values()) {
            if (k.key.equals(t) || k.name().toLowerCase(Locale.ROOT).equals(t)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown component kind '" + text + "'; valid kinds: "
                + java.util.Arrays.stream(values()).map(ComponentKind::key).toList());
    }
}
