package org.harl.spi.data;

import java.nio.file.Path;
import java.util.Locale;

/**
 * How a mask folder is laid out: the mask of sample id {@code a/b.jpg} is {@code <root>/a/b.png}. One owner for the
 * convention that mask generation writes and the {@code precomputed} proposer reads.
 */
public final class MaskLayout {

    private MaskLayout() {
    }

    /** Where the mask of a sample id lives under a mask folder; an id that escapes the folder is an error. */
    public static Path path(Path root, String id) {
        String name = id;
        String lower = id.toLowerCase(Locale.ROOT);
        for (String ext : new String[] {".png", ".jpg", ".jpeg", ".bmp", ".gif"}) {
            if (lower.endsWith(ext)) {
                name = id.substring(0, id.length() - ext.length());
                break;
            }
        }
        Path p = root.resolve(name + ".png").normalize();
        if (!p.startsWith(root.normalize())) {
            throw new IllegalArgumentException("sample id '" + id + "' escapes the mask folder " + root);
        }
        return p;
    }
}
