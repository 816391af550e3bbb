package org.harl.core.masks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.harl.spi.data.Mask;
import org.harl.spi.data.RgbImage;
import org.harl.spi.data.Sample;
import org.harl.spi.mask.MaskProposer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MaskCacheKeyTest {

    /** A class with no dependencies, copied into jars and folders to stand for a plugin's code. */
    static final class Marker {
    }

    record Cfg(int a) {
    }

    /** Counts calls and declares one model file; every mask is all foreground. */
    static final class WithModel implements MaskProposer {
        final AtomicInteger calls = new AtomicInteger();
        final Path model;

        WithModel(Path model) {
            this.model = model;
        }

        @Override
        public Mask propose(Sample s) {
            calls.incrementAndGet();
            return Mask.filled(s.image().width(), s.image().height(), 1f);
        }

        @Override
        public List<Path> modelFiles() {
            return List.of(model);
        }
    }

    static final Sample SAMPLE = new Sample("img/1.jpg", RgbImage.blank(6, 4), Optional.empty(), -1);

    @Test
    void sameConfigWithChangedModelContentMissesTheCache(@TempDir Path dir) throws Exception {
        Path model = Files.writeString(dir.resolve("forest.bin"), "trained once");
        Path cache = dir.resolve(CachingMaskProposer.DIR_NAME);
        WithModel first = new WithModel(model);
        CachingMaskProposer.forRun("drfi", new Cfg(1), first, cache, 0).propose(SAMPLE);
        WithModel again = new WithModel(model);
        CachingMaskProposer.forRun("drfi", new Cfg(1), again, cache, 0).propose(SAMPLE);
        assertEquals(0, again.calls.get(), "same config, same model: served from the cache");

        Files.writeString(model, "retrained at the same path");
        WithModel retrained = new WithModel(model);
        CachingMaskProposer.forRun("drfi", new Cfg(1), retrained, cache, 0).propose(SAMPLE);
        assertEquals(1, retrained.calls.get(), "a retrained model at the same path must miss the cache");
    }

    @Test
    void theKeyNamesTheModelFilesAndTheirHashes(@TempDir Path dir) throws Exception {
        Path model = Files.writeString(dir.resolve("head.params"), "abc");
        String key = MaskCacheKey.of("saliency_head", new Cfg(2), new WithModel(model));
        assertTrue(key.startsWith("saliency_head:Cfg[a=2]\ncode: "), key);
        // sha256("abc")
        assertTrue(key.endsWith(model.toAbsolutePath() + " "
                + "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"), key);
        Files.delete(model);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MaskCacheKey.of("saliency_head", new Cfg(2), new WithModel(model)));
        assertTrue(e.getMessage().contains(model.toString()), e.getMessage());
    }

    @Test
    void readyMasksBypassTheCache(@TempDir Path dir) {
        WithModel inner = new WithModel(dir.resolve("unused"));
        assertSame(inner, CachingMaskProposer.forRun("ground_truth", new Cfg(0), inner, dir, 0));
        assertSame(inner, CachingMaskProposer.forRun("precomputed", new Cfg(0), inner, dir, 0));
    }

    @Test
    void changedCodeInTheProposersPackageChangesTheVersionInAJar(@TempDir Path dir) throws Exception {
        String pkg = Marker.class.getPackageName().replace('.', '/') + "/";
        Map<String, byte[]> code = new TreeMap<>();
        code.put(classFile(Marker.class), bytes(Marker.class));
        code.put(pkg + "weights.txt", "v1".getBytes());
        String v1 = versionFromJar(dir.resolve("a.jar"), code, 1_000);
        assertEquals(v1, versionFromJar(dir.resolve("b.jar"), code, 999_000), "a rebuild of the same code");

        code.put("org/other/Unrelated.class", new byte[] {1, 2});
        assertEquals(v1, versionFromJar(dir.resolve("c.jar"), code, 1_000), "other packages are not hashed");

        code.put(pkg + "weights.txt", "v2".getBytes());
        assertNotEquals(v1, versionFromJar(dir.resolve("d.jar"), code, 1_000), "changed code in the package");
    }

    @Test
    void changedCodeInTheProposersPackageChangesTheVersionInAClassesFolder(@TempDir Path dir) throws Exception {
        Path classes = dir.resolve("classes");
        Path file = classes.resolve(classFile(Marker.class));
        Files.createDirectories(file.getParent());
        Files.write(file, bytes(Marker.class));
        String v1 = versionFromFolder(classes);
        assertEquals(v1, versionFromFolder(classes));
        Files.writeString(file.resolveSibling("Helper.class"), "a changed helper");
        assertNotEquals(v1, versionFromFolder(classes));
    }

    private static String versionFromJar(Path jar, Map<String, byte[]> entries, long time) throws Exception {
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                JarEntry entry = new JarEntry(e.getKey());
                entry.setLastModifiedTime(FileTime.fromMillis(time));
                j.putNextEntry(entry);
                j.write(e.getValue());
                j.closeEntry();
            }
        }
        return versionFrom(jar.toUri().toURL());
    }

    private static String versionFromFolder(Path classes) throws Exception {
        return versionFrom(classes.toUri().toURL());
    }

    /** Loads Marker from {@code location} alone (no delegation to the test class path) and fingerprints it. */
    private static String versionFrom(URL location) throws Exception {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {location}, ClassLoader.getPlatformClassLoader())) {
            Class<?> c = loader.loadClass(Marker.class.getName());
            assertEquals(loader, c.getClassLoader());
            return MaskCacheKey.codeVersion(c);
        }
    }

    private static String classFile(Class<?> c) {
        return c.getName().replace('.', '/') + ".class";
    }

    private static byte[] bytes(Class<?> c) throws Exception {
        try (InputStream in = c.getResourceAsStream("/" + classFile(c))) {
            return in.readAllBytes();
        }
    }
}
