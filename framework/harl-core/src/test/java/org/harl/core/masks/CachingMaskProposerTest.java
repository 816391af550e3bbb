package org.harl.core.masks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.harl.spi.data.Mask;
import org.harl.spi.data.RgbImage;
import org.harl.spi.data.Sample;
import org.harl.spi.mask.MaskProposer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CachingMaskProposerTest {

    /** Counts calls; the mask marks the left half (or right half when {@code right}). */
    private static final class Counting implements MaskProposer {
        final AtomicInteger calls = new AtomicInteger();
        final boolean right;

        Counting(boolean right) {
            this.right = right;
        }

        @Override
        public Mask propose(Sample s) {
            calls.incrementAndGet();
            int w = s.image().width();
            float[] d = new float[w * s.image().height()];
            for (int i = 0; i < d.length; i++) {
                d[i] = (i % w < w / 2) != right ? 1f : 0f;
            }
            return new Mask(w, s.image().height(), d);
        }
    }

    private static Sample sample(String id, int w, int h) {
        return new Sample(id, RgbImage.blank(w, h), Optional.empty(), -1);
    }

    @Test
    void memoryCacheHitsBySampleId() {
        Counting inner = new Counting(false);
        CachingMaskProposer c = new CachingMaskProposer(inner, "x", null, 10);
        Mask a = c.propose(sample("a", 4, 2));
        c.propose(sample("a", 4, 2));
        c.propose(sample("b", 4, 2));
        assertEquals(2, inner.calls.get());
        assertEquals(1, c.hits());
        assertArrayEquals(new float[] {1, 1, 0, 0, 1, 1, 0, 0}, a.data());
    }

    @Test
    void lruEvictsBeyondTheBound() {
        Counting inner = new Counting(false);
        CachingMaskProposer c = new CachingMaskProposer(inner, "x", null, 1);
        c.propose(sample("a", 4, 2));
        c.propose(sample("b", 4, 2));
        c.propose(sample("a", 4, 2));
        assertEquals(3, inner.calls.get());
    }

    @Test
    void diskCacheSurvivesANewInstanceAndKeysOnConfig(@TempDir Path dir) throws Exception {
        Counting first = new Counting(false);
        new CachingMaskProposer(first, "drfi:A", dir, 0).propose(sample("img/1.jpg", 6, 3));
        try (var files = Files.walk(dir)) {
            assertEquals(1, files.filter(p -> p.toString().endsWith(".png")).count());
        }
        Counting second = new Counting(true);
        Mask cached = new CachingMaskProposer(second, "drfi:A", dir, 0).propose(sample("img/1.jpg", 6, 3));
        assertEquals(0, second.calls.get(), "served from disk");
        assertEquals(1f, cached.get(0, 0));
        Mask other = new CachingMaskProposer(second, "drfi:B", dir, 0).propose(sample("img/1.jpg", 6, 3));
        assertEquals(1, second.calls.get(), "another config misses");
        assertEquals(0f, other.get(0, 0));
        // a different image size for the same id is recomputed
        Counting third = new Counting(false);
        new CachingMaskProposer(third, "drfi:A", dir, 0).propose(sample("img/1.jpg", 8, 3));
        assertEquals(1, third.calls.get());
    }

    @Test
    void configKeyIncludesEveryValue() {
        record Cfg(int a, String b) {
        }
        String k1 = CachingMaskProposer.configKey("drfi", new Cfg(1, "x"));
        String k2 = CachingMaskProposer.configKey("drfi", new Cfg(2, "x"));
        assertTrue(!k1.equals(k2) && k1.startsWith("drfi:"));
    }
}
