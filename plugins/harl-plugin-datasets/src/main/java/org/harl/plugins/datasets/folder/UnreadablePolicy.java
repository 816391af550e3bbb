package org.harl.plugins.datasets.folder;

/** What to do with an image or mask file that cannot be decoded. */
public enum UnreadablePolicy {
    /** Use the next readable sample instead; count the file in {@code skipped_unreadable} and log it once. */
    SKIP,
    /** Fail with the file's path. */
    ERROR
}
