package org.harl.cli;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.harl.core.jobs.ProgressListener;

/** Shows a job's progress as a console progress bar on standard error (standard output keeps the results). */
public final class ProgressBarListener implements ProgressListener {

    private ProgressBar bar;

    @Override
    public void started(String task, long total) {
        bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
    }

    @Override
    public void advanced(long done, long total, double itemsPerSecond) {
        if (bar != null) {
            bar.stepTo(done);
        }
    }

    @Override
    public void finished() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
