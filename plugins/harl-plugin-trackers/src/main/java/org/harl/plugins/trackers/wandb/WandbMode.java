package org.harl.plugins.trackers.wandb;

import java.util.Locale;

/** How a run talks to W&B. */
public enum WandbMode {
    /** Stream to the server while training (and journal locally). */
    ONLINE,
    /** Only write the journal; upload later with {@code harl wandb sync}. */
    OFFLINE,
    /** Send and write nothing. */
    DISABLED;

    /** Parses {@code online|offline|disabled}, accepting W&B's aliases {@code dryrun} (offline) and {@code shared}. */
    public static WandbMode parse(String text, String source) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "online", "run", "shared" -> ONLINE;
            case "offline", "dryrun" -> OFFLINE;
            case "disabled" -> DISABLED;
            default -> throw new IllegalArgumentException(source + ": unknown W&B mode '" + text
                    + "' (use online, offline or disabled)");
        };
    }
}
