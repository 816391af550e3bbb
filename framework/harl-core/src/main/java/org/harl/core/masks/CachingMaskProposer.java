package org.harl.core.masks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.harl.spi.data.ImageFiles;
import org.harl.spi.data.Mask;
import org.harl.spi.data.Sample;
import org.harl.spi.mask.MaskProposer;

/**
 * Memoises a proposer by (proposer key, sample id): an LRU in memory and, optionally, 8-bit PNGs on disk under
 * {@code cacheDir/<sha256[0..2]>/<sha256>.png} (soft masks keep 1/255 precision). The file name hashes the key and
 * the id; a run's key ({@link MaskCacheKey}) covers the proposer's settings, its plugin's code and the content of its
 * model files, so changing any of them misses the cache. A cached mask whose size differs from the sample's image
 * is recomputed. Disk writes are best effort: a failing write is counted, never fatal. Thread-safe.
 */
public final class CachingMaskProposer implements MaskProposer {

    /** The disk cache's folder name inside a runs directory. */
    public static final String DIR_NAME = "mask-cache";

    private final MaskProposer inner;
    private final String configKey;
    private final Path cacheDir;
    private final Map<String, Mask> memory;
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();
    private final AtomicLong writeFailures = new AtomicLong();

    /**
     * @param configKey     identifies the proposer and all its settings, e.g. {@link MaskCacheKey#of}
     * @param cacheDir      disk cache folder, or null for memory only
     * @param memoryEntries masks kept in memory (0 = none)
     */
    public CachingMaskProposer(MaskProposer inner, String configKey, Path cacheDir, int memoryEntries) {
        if (memoryEntries < 0) {
            throw new IllegalArgumentException("memoryEntries must be >= 0, got " + memoryEntries);
        }
        this.inner = inner;
        this.configKey = configKey;
        this.cacheDir = cacheDir;
        this.memory = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Mask> eldest) {
                return size() > memoryEntries;
            }
        };
    }

    /**
     * The proposer a run uses: {@code inner} behind the cache in {@code cacheDir}, keyed by {@link MaskCacheKey}
     * (hashed once here), or {@code inner} itself for proposers that read ready masks ({@code ground_truth},
     * {@code precomputed}), whose files change without their config changing and cost no more to read than a cache.
     */
    public static MaskProposer forRun(String type, Record config, MaskProposer inner, Path cacheDir,
            int memoryEntries) {
        if (type.equals("ground_truth") || type.equals("precomputed")) {
            return inner;
        }
        return new CachingMaskProposer(inner, MaskCacheKey.of(type, config, inner), cacheDir, memoryEntries);
    }

    /** A config key from the registered name and the bound config record (records print all their values). */
    public static String configKey(String type, Record config) {
        return type + ":" + config;
    }

    @Override
    public Mask propose(Sample sample) {
        String key = hash(configKey + "\n" + sample.id());
        int w = sample.image().width();
        int h = sample.image().height();
        Mask m;
        synchronized (memory) {
            m = memory.get(key);
        }
        if (m == null && cacheDir != null) {
            m = readDisk(key);
            if (m != null && fits(m, w, h)) {
                remember(key, m);
            }
        }
        if (m != null && fits(m, w, h)) {
            hits.incrementAndGet();
            return m;
        }
        misses.incrementAndGet();
        m = inner.propose(sample);
        remember(key, m);
        if (cacheDir != null) {
            try {
                ImageFiles.writeMask(m, file(key));
            } catch (IOException | RuntimeException e) {
                writeFailures.incrementAndGet();
            }
        }
        return m;
    }

    public long hits() {
        return hits.get();
    }

    public long misses() {
        return misses.get();
    }

    public long writeFailures() {
        return writeFailures.get();
    }

    @Override
    public List<Path> modelFiles() {
        return inner.modelFiles();
    }

    @Override
    public void close() {
        inner.close();
    }

    private void remember(String key, Mask m) {
        synchronized (memory) {
            memory.put(key, m);
        }
    }

    private Mask readDisk(String key) {
        Path f = file(key);
        if (!Files.isRegularFile(f)) {
            return null;
        }
        try {
            return ImageFiles.readMask(f);
        } catch (IOException e) {
            return null; // a torn or foreign file: recompute and overwrite
        }
    }

    private Path file(String key) {
        return cacheDir.resolve(key.substring(0, 2)).resolve(key + ".png");
    }

    private static boolean fits(Mask m, int w, int h) {
        return m.width() == w && m.height() == h;
    }

    private static String hash(String s) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(d.digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
