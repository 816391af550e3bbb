package org.harl.core.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.harl.spi.data.Split;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeatureCacheTest {

    @TempDir
    Path runDir;

    private final FeatureSet features = new FeatureSet(3, 2, new float[] {1, 2, 3, 4, 5, -6.5f}, new int[] {0, 2, 1});

    @Test
    void computesOnceThenReadsTheFile() throws Exception {
        FeatureCache cache = new FeatureCache(runDir);
        AtomicInteger calls = new AtomicInteger();
        Map<String, Object> data = Map.of("type", "synthetic_objects", "side", 32);
        FeatureSet first = cache.getOrCompute(100, data, Split.TRAIN, 0, () -> {
            calls.incrementAndGet();
            return features;
        });
        FeatureSet second = cache.getOrCompute(100, data, Split.TRAIN, 0, () -> {
            calls.incrementAndGet();
            return null;
        });
        assertEquals(1, calls.get());
        assertArrayEquals(first.features(), second.features());
        assertArrayEquals(new int[] {0, 2, 1}, second.labels());
        assertEquals(2, second.dim());
        assertEquals(runDir.resolve("eval"), cache.file(100, data, Split.TRAIN, 0).getParent());
    }

    @Test
    void keyDependsOnStepDatasetLimitAndSplitButNotMapOrder() {
        FeatureCache cache = new FeatureCache(runDir);
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("type", "x");
        a.put("side", 32);
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("side", 32);
        b.put("type", "x");
        Path base = cache.file(1, a, Split.TEST, 0);
        assertEquals(base, cache.file(1, b, Split.TEST, 0));
        assertNotEquals(base, cache.file(2, a, Split.TEST, 0));
        assertNotEquals(base, cache.file(1, Map.of("type", "x", "side", 64), Split.TEST, 0));
        assertNotEquals(base, cache.file(1, a, Split.TEST, 500));
        assertNotEquals(base, cache.file(1, a, Split.TRAIN, 0));
    }

    @Test
    void corruptFilesGiveAClearError() throws Exception {
        Path file = runDir.resolve("bad.bin");
        FeatureCache.write(file, features);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 4));
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> FeatureCache.read(file));
        assertEquals(file + ": truncated or corrupt: header says 3 x 2 (delete it to recompute)", e.getMessage());
    }
}
