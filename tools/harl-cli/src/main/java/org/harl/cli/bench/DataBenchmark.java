package org.harl.cli.bench;

import java.util.Iterator;
import java.util.Optional;
import org.harl.core.data.PairBatch;
import org.harl.core.data.PairBatchLoader;
import org.harl.spi.augment.Augmentation;
import org.harl.spi.data.DatasetSource;
import org.harl.spi.mask.MaskProposer;

/** Measures how many images per second the training pipeline decodes and augments (two views each). */
public final class DataBenchmark {

    /** One measurement. */
    public record Result(String name, int side, long images, double seconds, int workers) {
        public double imagesPerSecond() {
            return images / seconds;
        }
    }

    private DataBenchmark() {
    }

    /**
     * Runs the loader for about {@code seconds} after one warm-up batch and counts the images of the batches
     * received.
     */
    public static Result measure(String name, DatasetSource dataset, Optional<MaskProposer> masks,
                                 Augmentation augmentation, int batchSize, int workers, double seconds) {
        try (PairBatchLoader loader = new PairBatchLoader(dataset, masks, augmentation, batchSize, 0, 1L, workers,
                Math.max(2, workers))) {
            long images = 0;
            int epoch = 0;
            Iterator<PairBatch> it = loader.epoch(epoch, 0);
            it.next(); // warm-up: JIT, first decode
            long start = System.nanoTime();
            long deadline = start + (long) (seconds * 1e9);
            while (System.nanoTime() < deadline) {
                if (!it.hasNext()) {
                    it = loader.epoch(++epoch, 0);
                }
                images += it.next().size();
            }
            return new Result(name, augmentation.outputSize(), images, (System.nanoTime() - start) / 1e9, workers);
        }
    }
}
