package org.harl.core.train;

import java.util.LinkedHashMap;
import java.util.Map;
import org.harl.spi.loss.SslLoss;

/** The metrics row logged for every batch, and the recent throughput that goes into it. */
final class StepMetrics {

    private final SslLoss loss;
    private final int batchSize;
    private final long[] times = new long[11];
    private int ticks;

    StepMetrics(SslLoss loss, int batchSize) {
        this.loss = loss;
        this.batchSize = batchSize;
    }

    /**
     * The row of batch {@code g} (0-based over the run), taken just after it was trained: its loss and terms, the
     * schedules' values, images per second over the last few batches (data waits included), empty masks per branch.
     */
    Map<String, Object> row(long g, int epoch, StepResult r, TrainingSchedule schedule) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("step", g);
        row.put("epoch", epoch);
        row.put("loss", r.loss());
        r.terms().forEach((b, v) -> row.put("loss_" + b, v));
        row.put("lr", schedule.lr(g));
        row.put("tau", schedule.tau(g));
        loss.scheduleValues(schedule.progress(g)).forEach(row::put);
        row.put("images_per_s", imagesPerSecond());
        r.emptyMasks().forEach((b, n) -> row.put("empty_" + b, n));
        return row;
    }

    private double imagesPerSecond() {
        long now = System.nanoTime();
        times[ticks % times.length] = now;
        ticks++;
        int window = Math.min(ticks, times.length) - 1;
        if (window < 1) {
            return 0;
        }
        long oldest = times[(ticks - 1 - window) % times.length];
        return batchSize * window / ((now - oldest) / 1e9);
    }
}
