package org.harl.plugins.datasets.folder;

/** What to do with an image whose mask file does not exist. */
public enum MissingMaskPolicy {
    /** Refuse to build the dataset, naming the first missing mask. */
    ERROR,
    /** Use a mask covering the whole image (counted in {@code full_image_masks}). */
    FULL_IMAGE,
    /** Leave the image out of the dataset (counted in {@code skipped_missing_mask}). */
    SKIP
}
