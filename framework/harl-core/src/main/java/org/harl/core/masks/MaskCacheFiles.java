package org.harl.core.masks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The disk layout of {@link CachingMaskProposer}'s cache, and its clearing ({@code harl masks cache clear}). */
public final class MaskCacheFiles {

    /** {@code <2 hex>/<64 hex>.png}, and the {@code .tmp} a killed write leaves. */
    private static final Pattern ENTRY = Pattern.compile("([0-9a-f]{2})/\\1[0-9a-f]{62}\\.png(\\.tmp)?");

    private MaskCacheFiles() {
    }

    /**
     * What clearing removed.
     *
     * @param masks     cached mask files deleted
     * @param bytes     their total size
     * @param leftAlone files in the folder that are not cache entries (kept)
     */
    public record Cleared(Path dir, long masks, long bytes, long leftAlone) {
    }

    /** The cache folder of a runs directory. */
    public static Path ofRunsDir(Path runsDir) {
        return runsDir.resolve(CachingMaskProposer.DIR_NAME);
    }

    /**
     * Deletes every cache entry under {@code cacheDir} and the shard folders it empties, then the folder itself if
     * it is empty. Only files in the cache's own layout are deleted, so a mistyped folder loses nothing else. A
     * missing folder clears nothing.
     */
    public static Cleared clear(Path cacheDir) {
        if (!Files.exists(cacheDir)) {
            return new Cleared(cacheDir, 0, 0, 0);
        }
        if (!Files.isDirectory(cacheDir)) {
            throw new IllegalArgumentException("mask cache " + cacheDir + " is not a folder");
        }
        long masks = 0;
        long bytes = 0;
        long other = 0;
        try {
            List<Path> files;
            try (Stream<Path> s = Files.walk(cacheDir)) {
                files = s.filter(Files::isRegularFile).toList();
            }
            for (Path f : files) {
                String rel = cacheDir.relativize(f).toString().replace('\\', '/');
                if (ENTRY.matcher(rel).matches()) {
                    bytes += Files.size(f);
                    Files.delete(f);
                    masks++;
                } else {
                    other++;
                }
            }
            List<Path> dirs;
            try (Stream<Path> s = Files.walk(cacheDir)) {
                dirs = s.filter(Files::isDirectory).sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList();
            }
            for (Path d : dirs) { // deepest first, so the root goes last
                try (Stream<Path> s = Files.list(d)) {
                    if (s.findAny().isEmpty()) {
                        Files.delete(d);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear the mask cache " + cacheDir + ": " + e.getMessage(), e);
        }
        return new Cleared(cacheDir, masks, bytes, other);
    }
}
