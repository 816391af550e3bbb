package org.harl.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.harl.core.data.LoaderFixtures.IndexDataset;
import org.harl.core.data.LoaderFixtures.ProbeAugmentation;
import org.harl.spi.data.Split;
import org.junit.jupiter.api.Test;

class EvalBatchLoaderTest {

    private static List<EvalBatch> all(EvalBatchLoader l) {
        List<EvalBatch> out = new ArrayList<>();
        l.forEach(out::add);
        return out;
    }

    @Test
    void yieldsTheFirstLimitSamplesInIndexOrder() {
        EvalBatchLoader l = new EvalBatchLoader(new IndexDataset(5, 30), new ProbeAugmentation(), Split.TEST, 11, 4, 3);
        List<EvalBatch> batches = all(l);
        assertEquals(11, l.size());
        assertEquals(List.of(4, 4, 3), batches.stream().map(EvalBatch::size).toList());
        assertArrayEquals(new int[] {8, 9, 10}, batches.get(2).labels());
        EvalBatch b = batches.get(1);
        assertEquals(2, b.side());
        assertEquals(-5 / 1000f, b.images()[12], 1e-7); // second image of the batch = sample 5
        assertEquals(all(l).get(2).images().length, 3 * 12);
    }

    @Test
    void limitZeroMeansTheWholeSplit() {
        EvalBatchLoader l = new EvalBatchLoader(new IndexDataset(7, 0), new ProbeAugmentation(), Split.TRAIN, 0, 3, 1);
        assertEquals(7, all(l).stream().mapToInt(EvalBatch::size).sum());
    }

    @Test
    void workerThreadsEndAfterTheIteration() throws Exception {
        long before = LoaderFixtures.liveThreads("harl-eval");
        all(new EvalBatchLoader(new IndexDataset(0, 50), new ProbeAugmentation(), Split.TEST, 0, 8, 4));
        // an abandoned iteration also frees its threads once they have been idle for a second
        new EvalBatchLoader(new IndexDataset(0, 50), new ProbeAugmentation(), Split.TEST, 0, 8, 4).iterator().next();
        long deadline = System.currentTimeMillis() + 5000;
        while (LoaderFixtures.liveThreads("harl-eval") > before && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(before, LoaderFixtures.liveThreads("harl-eval"));
    }
}
