package org.harl.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.harl.core.data.LoaderFixtures.IndexDataset;
import org.harl.core.data.LoaderFixtures.ProbeAugmentation;
import org.harl.spi.data.Mask;
import org.harl.spi.mask.MaskProposer;
import org.junit.jupiter.api.Test;

class PairBatchLoaderTest {

    private static final MaskProposer HALF = s -> Mask.filled(s.image().width(), s.image().height(), 0.5f);

    private static List<PairBatch> drain(Iterator<PairBatch> it) {
        List<PairBatch> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    private static List<PairBatch> run(int workers, int prefetch, Optional<MaskProposer> masks, int epoch) {
        try (PairBatchLoader l = new PairBatchLoader(new IndexDataset(40, 0), masks, new ProbeAugmentation(), 8, 0,
                7L, workers, prefetch)) {
            return drain(l.epoch(epoch, 0));
        }
    }

    private static void assertSame(List<PairBatch> a, List<PairBatch> b) {
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            PairBatch x = a.get(i);
            PairBatch y = b.get(i);
            assertEquals(x.step(), y.step());
            assertArrayEquals(x.labels(), y.labels());
            assertArrayEquals(x.view1(), y.view1());
            assertArrayEquals(x.view2(), y.view2());
            assertArrayEquals(x.mask1(), y.mask1());
            assertArrayEquals(x.mask2(), y.mask2());
        }
    }

    @Test
    void oneAndFourThreadsGiveIdenticalBatches() {
        List<PairBatch> one = run(1, 1, Optional.of(HALF), 3);
        List<PairBatch> four = run(4, 3, Optional.of(HALF), 3);
        assertEquals(5, one.size());
        assertSame(one, four);
    }

    @Test
    void eachEpochIsAFreshPermutationOfTheSplit() {
        List<PairBatch> e0 = run(2, 2, Optional.empty(), 0);
        List<PairBatch> e1 = run(2, 2, Optional.empty(), 1);
        int[] l0 = e0.stream().flatMapToInt(b -> Arrays.stream(b.labels())).toArray();
        int[] l1 = e1.stream().flatMapToInt(b -> Arrays.stream(b.labels())).toArray();
        assertArrayEquals(java.util.stream.IntStream.range(0, 40).toArray(), Arrays.stream(l0).sorted().toArray());
        assertArrayEquals(java.util.stream.IntStream.range(0, 40).toArray(), Arrays.stream(l1).sorted().toArray());
        assertFalse(Arrays.equals(l0, l1), "two epochs in the same order");
        // the sample's own pixels travel with its label, and both views get different random draws
        PairBatch b = e0.get(0);
        assertEquals(b.labels()[0] / 1000f, b.view1()[0], 1e-7);
        assertEquals(b.labels()[0] / 1000f, b.view2()[0], 1e-7);
        assertEquals(1f, b.view2()[2]);
        assertTrue(b.view1()[1] != b.view2()[1]);
    }

    @Test
    void resumingMidEpochGivesTheRemainingBatchesExactly() {
        try (PairBatchLoader l = new PairBatchLoader(new IndexDataset(40, 0), Optional.of(HALF),
                new ProbeAugmentation(), 8, 0, 7L, 2, 2)) {
            List<PairBatch> full = drain(l.epoch(2, 0));
            List<PairBatch> tail = drain(l.epoch(2, 3));
            assertEquals(3, tail.get(0).step());
            assertSame(full.subList(3, 5), tail);
            assertFalse(l.epoch(2, 5).hasNext());
        }
    }

    @Test
    void withoutProposerMasksAreNullAndGroundTruthIsNotUsed() {
        ProbeAugmentation aug = new ProbeAugmentation();
        try (PairBatchLoader l = new PairBatchLoader(new IndexDataset(16, 0), Optional.empty(), aug, 4, 0, 1L, 2, 2)) {
            PairBatch b = l.epoch(0, 0).next();
            assertNull(b.mask1());
            assertNull(b.mask2());
            assertEquals(0, aug.masksSeen.get());
        }
    }

    @Test
    void proposerMasksAreAugmentedWithTheirView() {
        PairBatch b = run(2, 2, Optional.of(HALF), 0).get(0);
        assertNotNull(b.mask1());
        assertEquals(8 * 4, b.mask1().length);
        assertEquals(0.5f, b.mask1()[0]);
        assertEquals(0.5f, b.mask2()[4]);
    }

    @Test
    void stepsPerEpochLargerThanTheSplitWrapsIntoAnotherPermutation() {
        try (PairBatchLoader l = new PairBatchLoader(new IndexDataset(10, 0), Optional.empty(),
                new ProbeAugmentation(), 4, 5, 3L, 2, 2)) {
            int[] labels = drain(l.epoch(0, 0)).stream().flatMapToInt(b -> Arrays.stream(b.labels())).toArray();
            assertEquals(20, labels.length);
            assertArrayEquals(java.util.stream.IntStream.range(0, 10).toArray(),
                    Arrays.stream(labels, 0, 10).sorted().toArray());
            assertArrayEquals(java.util.stream.IntStream.range(0, 10).toArray(),
                    Arrays.stream(labels, 10, 20).sorted().toArray());
        }
    }

    @Test
    void prefetchIsBounded() throws Exception {
        IndexDataset ds = new IndexDataset(400, 0);
        try (PairBatchLoader l = new PairBatchLoader(ds, Optional.empty(), new ProbeAugmentation(), 4, 0, 1L, 3, 2)) {
            Iterator<PairBatch> it = l.epoch(0, 0);
            it.next();
            Thread.sleep(300);
            // the returned batch plus at most `prefetch` batches in flight
            assertTrue(ds.gets.get() <= 3 * 4, "loaded " + ds.gets.get() + " samples ahead");
        }
    }

    @Test
    void aFailingSampleStopsTheEpochWithItsIndex() {
        IndexDataset ds = new IndexDataset(16, 0);
        try (PairBatchLoader l = new PairBatchLoader(ds, Optional.empty(), new ProbeAugmentation(), 16, 0, 1L, 2, 1)) {
            ds.failAt = 5;
            Iterator<PairBatch> it = l.epoch(0, 0);
            IllegalStateException e = assertThrows(IllegalStateException.class, it::next);
            assertTrue(e.getMessage().contains("training sample 5") && e.getMessage().contains("broken file 5"),
                    e.getMessage());
        }
    }

    @Test
    void closeStopsEveryWorkerThread() throws Exception {
        long before = LoaderFixtures.liveThreads("harl-data");
        PairBatchLoader l = new PairBatchLoader(new IndexDataset(400, 0), Optional.of(HALF), new ProbeAugmentation(),
                8, 0, 1L, 4, 4);
        Iterator<PairBatch> it = l.epoch(0, 0);
        it.next();
        assertTrue(LoaderFixtures.liveThreads("harl-data") > before);
        l.close();
        l.close();
        assertEquals(before, LoaderFixtures.liveThreads("harl-data"));
        assertThrows(IllegalStateException.class, () -> l.epoch(1, 0));
        assertFalse(it.hasNext());
    }

    @Test
    void rejectsDatasetsSmallerThanABatch() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PairBatchLoader(
                new IndexDataset(3, 0), Optional.empty(), new ProbeAugmentation(), 4, 0, 1L, 1, 1));
        assertTrue(e.getMessage().contains("fewer than one batch"), e.getMessage());
    }
}
