package org.harl.core.masks;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.harl.spi.mask.MaskProposer;

/**
 * What a cached mask depends on besides the sample: the proposer's registered name and config, the version of the
 * plugin code that computes it, and the content of every model file it loads ({@link MaskProposer#modelFiles()}).
 *
 * <p>The plugin version is the jar's {@code Implementation-Version} when it has one, plus a SHA-256 over the names
 * and bytes of the classes and resources in the proposer's package (inside its jar, or its classes folder): a
 * snapshot rebuilt with a changed {@code propose} keeps its version string, so the code itself is hashed. Only the
 * package is hashed, so unrelated plugins sharing a jar leave the key alone, and entry contents rather than the jar's
 * bytes, so a rebuild of the same code (new timestamps) keeps it. Computed once per run.
 */
public final class MaskCacheKey {

    private MaskCacheKey() {
    }

    /** The key of {@code proposer} built as {@code type} with {@code config}; hashes its code and model files. */
    public static String of(String type, Record config, MaskProposer proposer) {
        StringBuilder key = new StringBuilder(CachingMaskProposer.configKey(type, config));
        key.append("\ncode: ").append(codeVersion(proposer.getClass()));
        for (Path f : proposer.modelFiles()) {
            key.append("\nmodel: ").append(f.toAbsolutePath().normalize()).append(' ').append(sha256(f));
        }
        return key.toString();
    }

    /** Implementation-Version (if any) and the SHA-256 of the class's package in its jar or classes folder. */
    static String codeVersion(Class<?> type) {
        Package pkg = type.getPackage();
        String version = pkg == null || pkg.getImplementationVersion() == null ? "" : pkg.getImplementationVersion();
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return version + " " + type.getName(); // a JDK or generated class: nothing to hash
        }
        String dir = type.getPackageName().replace('.', '/') + "/";
        try {
            Path location = Path.of(source.getLocation().toURI());
            MessageDigest d = digest();
            if (Files.isDirectory(location)) {
                List<Path> files;
                try (Stream<Path> s = Files.walk(location.resolve(dir))) {
                    files = s.filter(Files::isRegularFile).sorted().toList();
                }
                for (Path f : files) {
                    d.update(location.relativize(f).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
                    d.update(Files.readAllBytes(f));
                }
            } else {
                try (JarFile jar = new JarFile(location.toFile())) {
                    List<JarEntry> entries = new ArrayList<>();
                    for (JarEntry e : Collections.list(jar.entries())) {
                        if (!e.isDirectory() && e.getName().startsWith(dir)) {
                            entries.add(e);
                        }
                    }
                    entries.sort((a, b) -> a.getName().compareTo(b.getName()));
                    for (JarEntry e : entries) {
                        d.update(e.getName().getBytes(StandardCharsets.UTF_8));
                        try (InputStream in = jar.getInputStream(e)) {
                            d.update(in.readAllBytes());
                        }
                    }
                }
            }
            return (version + " " + HexFormat.of().formatHex(d.digest())).trim();
        } catch (IOException | URISyntaxException | RuntimeException e) {
            throw new IllegalStateException("cannot fingerprint the code of mask proposer " + type.getName() + " at "
                    + source.getLocation() + " for the mask cache key: " + e.getMessage(), e);
        }
    }

    /** SHA-256 of a model file, hex. */
    static String sha256(Path file) {
        MessageDigest d = digest();
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                d.update(buf, 0, n);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("mask cache: cannot read model file " + file + " to hash it: "
                    + e.getMessage(), e);
        }
        return HexFormat.of().formatHex(d.digest());
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
