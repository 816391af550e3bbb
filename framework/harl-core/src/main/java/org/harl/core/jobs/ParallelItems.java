package org.harl.core.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Runs a task on every item of a list with a fixed number of worker threads, reporting progress; an item whose task
 * throws an {@link Exception} is listed as an {@link ItemFailure} and the others go on. Errors (out of memory, ...)
 * still stop the whole run.
 */
public final class ParallelItems {

    /** The work on one item. */
    @FunctionalInterface
    public interface Task<T> {
        void run(T item) throws Exception;
    }

    private ParallelItems() {
    }

    /**
     * @param task     what the listener is told the job does
     * @param threads  worker threads (at least one is used)
     * @param name     how a failed item is named in its {@link ItemFailure}
     * @return the failures, in item order
     */
    public static <T> List<ItemFailure> run(String task, List<T> items, int threads, Function<T, String> name,
            Task<T> work, ProgressListener listener) throws InterruptedException {
        Progress progress = new Progress(listener, items.size());
        listener.started(task, items.size());
        ItemFailure[] failures = new ItemFailure[items.size()];
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, Math.max(1, items.size()))));
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                T item = items.get(i);
                int index = i;
                futures.add(pool.submit(() -> {
                    try {
                        work.run(item);
                    } catch (Exception e) {
                        failures[index] = new ItemFailure(name.apply(item), messageOf(e));
                    } finally {
                        progress.step();
                    }
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) { // only an Error gets here: the task catches every Exception
                    if (e.getCause() instanceof Error error) {
                        throw error;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(1, TimeUnit.MINUTES);
            listener.finished();
        }
        List<ItemFailure> out = new ArrayList<>();
        for (ItemFailure f : failures) {
            if (f != null) {
                out.add(f);
            }
        }
        return out;
    }

    static String messageOf(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Counts finished items and tells the listener, one call at a time. */
    private static final class Progress {
        private final ProgressListener listener;
        private final long total;
        private final long start = System.nanoTime();
        private long done;

        Progress(ProgressListener listener, long total) {
            this.listener = listener;
            this.total = total;
        }

        synchronized void step() {
            done++;
            double seconds = (System.nanoTime() - start) / 1e9;
            listener.advanced(done, total, seconds > 0 ? done / seconds : 0);
        }
    }
}
