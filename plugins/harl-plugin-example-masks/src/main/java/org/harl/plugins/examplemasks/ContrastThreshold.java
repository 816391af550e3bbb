package org.harl.plugins.examplemasks;

/** How the colour-distance map is cut into foreground and background. */
public enum ContrastThreshold {
    /** Otsu's threshold: maximises the between-class variance of the distance histogram (256 bins). */
    OTSU,
    /** Twice the mean distance, capped at 0.9 (Achanta et al.'s adaptive threshold). */
    TWICE_MEAN
}
