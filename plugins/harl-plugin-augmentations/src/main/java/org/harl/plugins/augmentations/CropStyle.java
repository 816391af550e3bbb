package org.harl.plugins.augmentations;

/** How the joint crop is chosen. */
public enum CropStyle {
    /** RandomResizedCrop, independent of the mask. */
    RANDOM,
    /** RandomResizedCrop resampled up to {@code mask_boxes_tries} times until enough foreground is inside (HARL). */
    MASK_BOXES
}
