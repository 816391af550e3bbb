package org.harl.core.data;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Daemon worker threads for data loading, named {@code <prefix>-<n>} so leaks are easy to spot. */
final class WorkerPool extends ThreadPoolExecutor {

    private final java.util.List<Thread> threads = new java.util.concurrent.CopyOnWriteArrayList<>();

    private WorkerPool(int workers, long keepAliveMs, String prefix) {
        super(workers, workers, keepAliveMs, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>());
        AtomicInteger count = new AtomicInteger();
        setThreadFactory(r -> {
            Thread t = new Thread(r, prefix + "-" + count.incrementAndGet());
            t.setDaemon(true);
            threads.add(t);
            return t;
        });
    }

    /**
     * A fixed pool of {@code workers} daemon threads. With {@code idleTimeoutMs > 0} idle threads exit on their own,
     * so a pool whose owner forgets it holds no threads after that delay.
     */
    static WorkerPool create(String prefix, int workers, long idleTimeoutMs) {
        WorkerPool pool = new WorkerPool(workers, Math.max(1, idleTimeoutMs), prefix);
        if (idleTimeoutMs > 0) {
            pool.allowCoreThreadTimeOut(true);
        }
        return pool;
    }

    /**
     * Stops the pool: queued work is dropped, running samples finish; waits up to 10 s until every thread has
     * exited (not merely gone idle).
     */
    void stop() {
        shutdownNow();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            for (Thread t : threads) {
                t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
                if (t.isAlive()) {
                    throw new IllegalStateException("data loader thread " + t.getName() + " did not stop within 10 s");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
