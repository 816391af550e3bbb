package org.harl.cli.masks;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.harl.core.masks.MaskMetrics;
import org.harl.spi.ComponentKind;
import org.harl.spi.data.DatasetSource;
import org.harl.spi.data.Sample;
import org.harl.spi.data.Split;
import org.harl.spi.mask.MaskProposer;

/** Scores a proposer on the first images of a dataset's test split (held out from train-drfi's train split). */
final class DatasetEvaluation {

    private DatasetEvaluation() {
    }

    static int run(String datasetName, String proposerName, int count, int threads, PrintWriter out,
            PrintWriter err) throws Exception {
        DatasetSource data;
        MaskProposer proposer;
        try {
            data = (DatasetSource) ProposerFactory.create(ComponentKind.DATASET, datasetName, List.of(),
                    ProposerFactory.context(1));
            if (!data.providesMasks()) {
                throw new IllegalArgumentException("dataset '" + datasetName + "' has no exact masks to score against");
            }
            proposer = ProposerFactory.proposer(proposerName, List.of(), 1);
        } catch (RuntimeException e) {
            err.println("masks eval: " + e.getMessage());
            return 2;
        }
        long n = Math.min(count, data.size(Split.TEST));
        List<MaskMetrics> parts = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try (data; proposer; ProgressBar bar = new ProgressBarBuilder().setTaskName(proposerName)
                .setInitialMax(n).setConsumer(new ConsoleProgressBarConsumer(System.err)).build()) {
            List<Future<?>> jobs = new ArrayList<>();
            int workers = Math.max(1, threads);
            for (int t = 0; t < workers; t++) {
                MaskMetrics part = new MaskMetrics();
                parts.add(part);
                int first = t;
                jobs.add(pool.submit(() -> {
                    for (long i = first; i < n; i += workers) {
                        Sample s = data.get(Split.TEST, i);
                        part.add(proposer.propose(s), s.groundTruth().orElseThrow(() ->
                                new IllegalStateException("sample " + s.id() + " has no mask")));
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
        out.printf("%s on %s (test split)%n", proposerName, datasetName);
        EvalCommand.print(all.summary(), out);
        out.flush();
        return 0;
    }
}
