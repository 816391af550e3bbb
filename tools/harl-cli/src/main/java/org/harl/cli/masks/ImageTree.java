package org.harl.cli.masks;

import java.nio.file.Path;
import java.util.List;

/** The mask tools' view of {@link org.harl.core.data.ImageTree}, which the mask jobs share. */
final class ImageTree {

    private ImageTree() {
    }

    static boolean isImage(Path p) {
        return org.harl.core.data.ImageTree.isImage(p);
    }

    static List<Path> images(Path root) {
        return org.harl.core.data.ImageTree.images(root);
    }

    static String id(Path root, Path file) {
        return org.harl.core.data.ImageTree.id(root, file);
    }
}
