package org.harl.plugins.datasets.fashion;

/** How composites colour the grey items. */
public enum ColourMode {
    /** Each class has its own hue (with per-image jitter), like a natural class appearance. */
    CLASS,
    /** Any colour: the class is carried by the item's shape and grey pattern alone. */
    RANDOM
}
