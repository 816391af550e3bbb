package org.harl.plugins.datasets.folder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The image files of one tree ({@code root/<class>/.../<file>.{jpg,jpeg,png}}) and whether each has a mask at
 * {@code maskRoot/<same relative path with .png>}. Listing and mask look-ups are cached in a file keyed by the
 * roots; the cache is used only while the tree's signature (every folder's path and modification time, which
 * changes when an entry is added, removed or renamed in it) is unchanged.
 *
 * @param files sorted by relative path
 */
record FileIndex(List<Entry> files) {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(FileIndex.class);
    private static final String HEADER = "harl-image-index v1 ";

    /**
     * @param path    relative path with '/' separators, e.g. {@code n01440764/x.JPEG}
     * @param label   the class folder name (first path element)
     * @param hasMask whether the mask file exists
     */
    record Entry(String path, String label, boolean hasMask) {
    }

    static FileIndex load(Path root, Path maskRoot, Path cacheDir) {
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("image folder " + root + " does not exist or is not a folder");
        }
        if (maskRoot != null && !Files.isDirectory(maskRoot)) {
            throw new IllegalArgumentException("mask folder " + maskRoot + " does not exist or is not a folder");
        }
        String signature = signature(root, maskRoot);
        Path cache = cacheDir.resolve(sha256(root.toAbsolutePath().normalize() + "|"
                + (maskRoot == null ? "" : maskRoot.toAbsolutePath().normalize())).substring(0, 24) + ".idx");
        FileIndex cached = readCache(cache, signature);
        if (cached != null) {
            return cached;
        }
        FileIndex fresh = scan(root, maskRoot);
        writeCache(cache, signature, fresh);
        return fresh;
    }

    static boolean isImage(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".jpg") || n.endsWith(".jpeg") || n.endsWith(".png");
    }

    /** The mask's relative path: the image's relative path with its extension replaced by {@code .png}. */
    static String maskPath(String imagePath) {
        int slash = imagePath.lastIndexOf('/');
        int dot = imagePath.lastIndexOf('.');
        return (dot > slash ? imagePath.substring(0, dot) : imagePath) + ".png";
    }

    private static FileIndex scan(Path root, Path maskRoot) {
        List<Entry> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile).filter(FileIndex::isImage).forEach(p -> {
                Path rel = root.relativize(p);
                if (rel.getNameCount() < 2) {
                    return; // files directly in the root have no class
                }
                String path = rel.toString().replace('\\', '/');
                boolean mask = maskRoot != null && Files.isRegularFile(maskRoot.resolve(maskPath(path)));
                out.add(new Entry(path, rel.getName(0).toString(), mask));
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root + ": " + e.getMessage(), e);
        }
        out.sort(java.util.Comparator.comparing(Entry::path));
        return new FileIndex(List.copyOf(out));
    }

    /** Hash of every folder's relative path and modification time in the image and mask trees. */
    private static String signature(Path root, Path maskRoot) {
        StringBuilder sb = new StringBuilder();
        for (Path tree : maskRoot == null ? List.of(root) : List.of(root, maskRoot)) {
            sb.append(tree.toAbsolutePath().normalize()).append('\n');
            try (Stream<Path> dirs = Files.walk(tree)) {
                dirs.filter(Files::isDirectory).sorted().forEach(d -> {
                    try {
                        sb.append(tree.relativize(d)).append('\t')
                                .append(Files.getLastModifiedTime(d).toMillis()).append('\n');
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (IOException | UncheckedIOException e) {
                throw new UncheckedIOException("cannot list " + tree + ": " + e.getMessage(),
                        e instanceof IOException io ? io : ((UncheckedIOException) e).getCause());
            }
        }
        return sha256(sb.toString());
    }

    private static FileIndex readCache(Path cache, String signature) {
        if (!Files.isRegularFile(cache)) {
            return null;
        }
        try {
            List<String> lines = Files.readAllLines(cache, StandardCharsets.UTF_8);
            if (lines.isEmpty() || !lines.get(0).equals(HEADER + signature)) {
                return null;
            }
            List<Entry> out = new ArrayList<>(lines.size() - 1);
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split("\t", 3);
                if (f.length != 3) {
                    return null;
                }
                out.add(new Entry(f[2], f[1], f[0].equals("1")));
            }
            return new FileIndex(List.copyOf(out));
        } catch (IOException e) {
            return null;
        }
    }

    private static void writeCache(Path cache, String signature, FileIndex index) {
        StringBuilder sb = new StringBuilder(HEADER).append(signature).append('\n');
        for (Entry e : index.files) {
            sb.append(e.hasMask ? '1' : '0').append('\t').append(e.label).append('\t').append(e.path).append('\n');
        }
        try {
            Files.createDirectories(cache.getParent());
            Path tmp = cache.resolveSibling(cache.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
            Files.writeString(tmp, sb, StandardCharsets.UTF_8);
            Files.move(tmp, cache, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("cannot write the image index cache " + cache + ": " + e.getMessage());
        }
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
