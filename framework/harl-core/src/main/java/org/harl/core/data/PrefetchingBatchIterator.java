package org.harl.core.data;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Returns batches {@code from..to-1} in order while keeping at most {@code ahead} batches in flight on a worker
 * pool. Each batch is split into chunks of samples so that all workers help even when only one batch is pending;
 * the result of a batch never depends on which thread filled which slot.
 */
final class PrefetchingBatchIterator<B> implements Iterator<B> {

    private final ExecutorService pool;
    private final IntFunction<BatchJob<B>> jobs;
    private final int to;
    private final int ahead;
    private final int chunksPerBatch;
    private final ArrayDeque<InFlight<B>> inFlight = new ArrayDeque<>();
    private int nextToSubmit;
    private int nextToReturn;
    private volatile boolean cancelled;

    PrefetchingBatchIterator(ExecutorService pool, int workers, IntFunction<BatchJob<B>> jobs, int from, int to,
                             int ahead) {
        this.pool = pool;
        this.jobs = jobs;
        this.to = to;
        this.ahead = Math.max(1, ahead);
        this.chunksPerBatch = Math.max(1, workers * 2);
        this.nextToSubmit = from;
        this.nextToReturn = from;
    }

    @Override
    public boolean hasNext() {
        return !cancelled && nextToReturn < to;
    }

    @Override
    public B next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        topUp();
        InFlight<B> head = inFlight.poll();
        try {
            for (Future<?> f : head.chunks) {
                f.get();
            }
        } catch (ExecutionException e) {
            cancel();
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("data loading failed: " + cause, cause);
        } catch (InterruptedException e) {
            cancel();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a batch", e);
        } catch (CancellationException e) {
            throw new IllegalStateException("the data loader was closed", e);
        }
        nextToReturn++;
        topUp();
        return head.job.build();
    }

    /** Drops every batch in flight (queued samples are not loaded; running ones finish). */
    void cancel() {
        cancelled = true;
        for (InFlight<B> f : inFlight) {
            f.chunks.forEach(c -> c.cancel(false));
        }
        inFlight.clear();
    }

    private void topUp() {
        while (!cancelled && nextToSubmit < to && inFlight.size() < ahead) {
            BatchJob<B> job = jobs.apply(nextToSubmit++);
            int n = job.size();
            int chunk = Math.max(1, (n + chunksPerBatch - 1) / chunksPerBatch);
            List<Future<?>> chunks = new ArrayList<>();
            for (int start = 0; start < n; start += chunk) {
                int s = start;
                int e = Math.min(n, start + chunk);
                chunks.add(pool.submit(() -> {
                    for (int i = s; i < e; i++) {
                        job.fill(i);
                    }
                }));
            }
            inFlight.add(new InFlight<>(job, chunks));
        }
    }

    private record InFlight<B>(BatchJob<B> job, List<Future<?>> chunks) {
    }
}
