package org.harl.cli.wandb;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import org.harl.plugins.trackers.wandb.RetryPolicy;
import org.harl.plugins.trackers.wandb.WandbSync;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code harl wandb sync RUN_DIR...}: uploads offline (or interrupted) runs from their journals. */
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = "Upload runs logged offline, or whose upload was cut short, from RUN_DIR/wandb/*.journal.jsonl."
                + " Safe to repeat: every line goes to its recorded offset.")
public final class WandbSyncCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "RUN_DIR", description = "run directories")
    List<Path> runDirs;

    @Option(names = "--force", description = "send journals again even when already marked synced")
    boolean force;

    @Option(names = "--retries", defaultValue = "20", description = "retries per request (default: ${DEFAULT-VALUE})")
    int retries;

    @Option(names = "--retry-base-s", defaultValue = "2", hidden = true)
    double retryBaseS;

    @Spec
    CommandSpec spec;

    Map<String, String> env = System.getenv();

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintStream out = new PrintStream(new WriterOutputStream(spec.commandLine().getOut()), true);
        RetryPolicy retry = new RetryPolicy(Duration.ofMillis(Math.round(retryBaseS * 1000)), Duration.ofSeconds(60),
                retries, new Random());
        WandbSync sync = new WandbSync(env, retry, Duration.ofSeconds(60), out);
        int failures = 0;
        for (Path dir : runDirs) {
            try {
                sync.sync(dir, force);
            } catch (IOException | RuntimeException e) {
                err.println("error: " + dir + ": " + e.getMessage());
                failures++;
            }
        }
        out.flush();
        return failures == 0 ? 0 : 1;
    }

    /** Bridges picocli's writer to the PrintStream the sync reports to. */
    private static final class WriterOutputStream extends java.io.OutputStream {
        private final PrintWriter writer;
        private final java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();

        WriterOutputStream(PrintWriter writer) {
            this.writer = writer;
        }

        @Override
        public void write(int b) {
            line.write(b);
            if (b == '\n') {
                flush();
            }
        }

        @Override
        public void flush() {
            writer.print(line.toString(java.nio.charset.StandardCharsets.UTF_8));
            writer.flush();
            line.reset();
        }
    }
}
