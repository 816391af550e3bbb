package org.harl.plugins.losses;

/** The {@code byol} loss has no settings (its branch weight is always 1). */
public record ByolLossConfig() {

    public static ByolLossConfig defaults() {
        return new ByolLossConfig();
    }
}
