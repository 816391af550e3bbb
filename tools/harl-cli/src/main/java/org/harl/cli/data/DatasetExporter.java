package org.harl.cli.data;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.harl.spi.data.DatasetSource;
import org.harl.spi.data.ImageFiles;
import org.harl.spi.data.Sample;
import org.harl.spi.data.Split;

/**
 * Writes a dataset split as an image folder people can look at and {@code image_folder} can read back:
 * {@code out/images/<class>/<split>_<index>.<ext>} and, where the sample has a mask,
 * {@code out/masks/<class>/<split>_<index>.png}.
 */
public final class DatasetExporter {

    private final PrintWriter progress;

    /** @param progress where progress lines go (about one per second and a final one) */
    public DatasetExporter(PrintWriter progress) {
        this.progress = progress;
    }

    /**
     * @param limit     first N samples of the split; 0 = all
     * @param extension {@code png}, {@code jpg} or {@code jpeg}
     * @return the number of images written
     */
    public long export(DatasetSource dataset, Split split, long limit, Path out, String extension, int threads)
            throws IOException {
        long n = limit == 0 ? dataset.size(split) : Math.min(limit, dataset.size(split));
        if (n == 0) {
            throw new IllegalArgumentException("the dataset has no " + splitName(split) + " samples to export");
        }
        List<String> classes = dataset.classNames();
        AtomicLong done = new AtomicLong();
        AtomicLong masks = new AtomicLong();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<Future<?>> parts = new java.util.ArrayList<>();
            int chunks = Math.max(1, threads) * 4;
            for (int c = 0; c < chunks; c++) {
                int chunk = c;
                parts.add(pool.submit(() -> {
                    for (long i = chunk; i < n; i += chunks) {
                        if (write(dataset.get(split, i), split, i, classes, out, extension)) {
                            masks.incrementAndGet();
                        }
                        done.incrementAndGet();
                    }
                    return null;
                }));
            }
            long lastReport = System.nanoTime();
            for (Future<?> f : parts) {
                while (true) {
                    try {
                        f.get(200, java.util.concurrent.TimeUnit.MILLISECONDS);
                        break;
                    } catch (java.util.concurrent.TimeoutException t) {
                        if (System.nanoTime() - lastReport > 1_000_000_000L) {
                            report(done.get(), n, start, false);
                            lastReport = System.nanoTime();
                        }
                    }
                }
            }
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UncheckedIOException u) {
                throw u.getCause();
            }
            throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            pool.shutdownNow();
        }
        report(done.get(), n, start, true);
        progress.printf("wrote %d images to %s and %d masks to %s%n", n, out.resolve("images"), masks.get(),
                out.resolve("masks"));
        return n;
    }

    /** Writes one sample; true when it had a mask. */
    private static boolean write(Sample s, Split split, long index, List<String> classes, Path out, String ext) {
        String cls = s.label() >= 0 && s.label() < classes.size() ? classes.get(s.label()) : "unlabelled";
        String id = String.format("%s_%06d", splitName(split), index);
        try {
            ImageFiles.writeImage(s.image(), out.resolve("images").resolve(cls).resolve(id + "." + ext));
            if (s.groundTruth().isPresent()) {
                ImageFiles.writeMask(s.groundTruth().get(), out.resolve("masks").resolve(cls).resolve(id + ".png"));
                return true;
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void report(long done, long total, long start, boolean last) {
        double s = Math.max(1e-9, (System.nanoTime() - start) / 1e9);
        progress.printf("%s %d/%d images (%.0f%%, %.0f images/s)%n", last ? "exported" : "exporting", done, total,
                100.0 * done / total, done / s);
        progress.flush();
    }

    static String splitName(Split split) {
        return split.name().toLowerCase(java.util.Locale.ROOT);
    }
}
