package org.harl.plugins.trackers.wandb;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The background thread of an online run: takes journal entries from a bounded queue and streams them in batches,
 * at most one post per flush interval (sooner for the run entry and the exit), with heartbeats when idle. The
 * training thread only ever calls {@link #offer}, which never blocks. When a request fails for good the sender
 * stops and reports through {@code onFailure}; the journal already holds everything for {@code harl wandb sync}.
 */
final class WandbSender {
    private static final int MAX_BATCH = 5000;
    private static final long HEARTBEAT_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final RunStreamer streamer;
    private final BlockingQueue<JournalEntry> queue;
    private final long intervalNanos;
    private final Consumer<String> onFailure;
    private final Thread thread;
    /** Entries of an earlier session to send before the queue; never bounded by the queue's capacity. */
    private List<JournalEntry> backlog = List.of();
    private volatile boolean failed;
    private volatile boolean completed;

    WandbSender(RunStreamer streamer, int capacity, double flushIntervalS, Consumer<String> onFailure) {
        this.streamer = streamer;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.intervalNanos = Math.max(1, Math.round(flushIntervalS * 1e9));
        this.onFailure = onFailure;
        this.thread = new Thread(this::loop, "wandb-sender");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /**
     * Starts, first sending {@code earlier} (entries an earlier session did not get to the server). They go ahead
     * of the queue rather than through it: a resumed journal may be far larger than the buffer, and an entry that
     * did not fit would be lost while the run is later marked synced.
     */
    void start(List<JournalEntry> earlier) {
        backlog = List.copyOf(earlier);
        thread.start();
    }

    /** Queues an entry; false when the sender has failed or the buffer is full. Never blocks. */
    boolean offer(JournalEntry entry) {
        return !failed && queue.offer(entry);
    }

    boolean failed() {
        return failed;
    }

    /** True once the exit entry reached the server. */
    boolean completed() {
        return completed;
    }

    /** Waits for the exit entry to be sent; on timeout stops the thread. Returns whether everything was sent. */
    boolean awaitCompletion(double timeoutS) {
        try {
            thread.join(Math.max(1, Math.round(timeoutS * 1000)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            fail("W&B upload did not finish within the finish timeout (" + timeoutS + " s)");
            thread.interrupt();
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return completed;
    }

    /** Stops without waiting (e.g. after the buffer overflowed). */
    void abandon(String reason) {
        fail(reason);
        thread.interrupt();
    }

    private void fail(String reason) {
        if (!failed) {
            failed = true;
            queue.clear();
            onFailure.accept(reason);
        }
    }

    private void loop() {
        List<JournalEntry> batch = new ArrayList<>();
        long nextFlush = System.nanoTime();
        long lastPost = System.nanoTime();
        try {
            for (int i = 0; i < backlog.size() && !failed; i += MAX_BATCH) {
                streamer.send(backlog.subList(i, Math.min(backlog.size(), i + MAX_BATCH)));
            }
            backlog = List.of();
            while (!failed) {
                long wait = Math.max(0, nextFlush - System.nanoTime());
                JournalEntry e = queue.poll(wait, TimeUnit.NANOSECONDS);
                boolean urgent = false;
                if (e != null) {
                    batch.add(e);
                    queue.drainTo(batch, MAX_BATCH - batch.size());
                    urgent = batch.size() >= MAX_BATCH || batch.stream().anyMatch(x ->
                            x instanceof JournalEntry.Exit || x instanceof JournalEntry.Run);
                }
                long now = System.nanoTime();
                if (urgent || now >= nextFlush) {
                    if (!batch.isEmpty()) {
                        boolean exit = batch.stream().anyMatch(x -> x instanceof JournalEntry.Exit);
                        streamer.send(batch);
                        batch.clear();
                        lastPost = System.nanoTime();
                        if (exit) {
                            completed = true;
                            return;
                        }
                    } else if (now - lastPost >= HEARTBEAT_NANOS) {
                        streamer.heartbeat();
                        lastPost = System.nanoTime();
                    }
                    nextFlush = System.nanoTime() + intervalNanos;
                }
            }
        } catch (InterruptedException | InterruptedIOException e) {
            fail("W&B upload interrupted");
        } catch (IOException e) {
            fail(e.getMessage());
        } catch (RuntimeException e) {
            fail("W&B client error: " + e);
        }
    }
}
