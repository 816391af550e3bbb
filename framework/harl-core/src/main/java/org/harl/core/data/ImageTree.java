package org.harl.core.data;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** The image files of a folder tree (PNG, JPEG), sorted, with their sample ids (relative paths, '/'-separated). */
public final class ImageTree {

    private ImageTree() {
    }

    public static boolean isImage(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".png") || n.endsWith(".jpg") || n.endsWith(".jpeg");
    }

    /** Every image file under {@code root}; an error naming the folder when it does not exist. */
    public static List<Path> images(Path root) {
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException(root + " is not a folder");
        }
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).filter(ImageTree::isImage).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root + ": " + e.getMessage(), e);
        }
    }

    /** The sample id of a file under {@code root}. */
    public static String id(Path root, Path file) {
        return root.relativize(file).toString().replace(File.separatorChar, '/');
    }
}
