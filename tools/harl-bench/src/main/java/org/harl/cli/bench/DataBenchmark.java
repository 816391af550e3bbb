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

    /**
     * One measurement.
     *
     * @param cpuSeconds CPU time the whole process used meanwhile (all threads), so that {@link #perCore()} stays
     *                   meaningful on a machine shared with other work
     */
    public record Result(String name, int side, long images, double seconds, double cpuSeconds, int workers) {
        public double imagesPerSecond() {
            return images / seconds;
        }

        /** Images per CPU-second: the rate one fully available core would sustain. */
        public double perCore() {
            return images / Math.max(1e-9, cpuSeconds);
        }
    }

    private DataBenchmark() {
    }

    /**
     * Runs the loader for about {@code seconds} after a warm-up of a fifth of that (JIT compilation, first decode)
     * and counts the images of the batches received.
     */
    public static Result measure(String name, DatasetSource dataset, Optional<MaskProposer> masks,
                                 Augmentation augmentation, int batchSize, int workers, double seconds) {
        try (PairBatchLoader loader = new PairBatchLoader(dataset, masks, augmentation, batchSize, 0, 1L, workers,
                Math.max(2, workers))) {
            long images = 0;
            int epoch = 0;
            Iterator<PairBatch> it = loader.epoch(epoch, 0);
            long warm = System.nanoTime() + (long) (seconds * 0.2e9);
            do {
                if (!it.hasNext()) {
                    it = loader.epoch(++epoch, 0);
                }
                it.next();
            } while (System.nanoTime() < warm);
            long cpuStart = processCpuNanos();
            long start = System.nanoTime();
            long deadline = start + (long) (seconds * 1e9);
            while (System.nanoTime() < deadline) {
                if (!it.hasNext()) {
                    it = loader.epoch(++epoch, 0);
                }
                images += it.next().size();
            }
            double wall = (System.nanoTime() - start) / 1e9;
            double cpu = (processCpuNanos() - cpuStart) / 1e9;
            return new Result(name, augmentation.outputSize(), images, wall, cpu, workers);
        }
    }

    private static long processCpuNanos() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }
}
