package org.harl.cli.masks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.harl.core.masks.MaskMetrics;
import org.harl.spi.data.DatasetSource;
import org.harl.spi.data.Sample;
import org.harl.spi.data.Split;
import org.harl.spi.mask.MaskProposer;

/** Scores a proposer on the first images of a dataset's test split, in parallel, with a progress bar. */
final class DatasetEvaluation {

    private DatasetEvaluation() {
    }

    static MaskMetrics.Summary run(DatasetSource data, MaskProposer proposer, String name, int count, int threads)
            throws Exception {
        long n = Math.min(count, data.size(Split.TEST));
        int workers = Math.max(1, threads);
        List<MaskMetrics> parts = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName(name).setInitialMax(n)
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).build()) {
            List<Future<?>> jobs = new ArrayList<>();
            for (int t = 0; t < workers; t++) {
                MaskMetrics part = new MaskMetrics();
                parts.add(part);
                int first = t;
                jobs.add(pool.submit(() -> {
                    for (long i = first; i < n; i += workers) {
                        Sample s = data.get(Split.TEST, i);
                        part.add(proposer.propose(s), s.groundTruth().orElseThrow(() ->
                                new IllegalStateException("sample " + s.id() + " has no exact mask")));
                        bar.step();
                    }
                    return null;
                }));
            }
            for (Future<?> j : jobs) {
                j.get();
            }
        } finally {
            pool.shutdown();
        }
        MaskMetrics all = new MaskMetrics();
        parts.forEach(all::merge);
        return all.summary();
    }
}
