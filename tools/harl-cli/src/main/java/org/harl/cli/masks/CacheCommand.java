package org.harl.cli.masks;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.harl.core.masks.MaskCacheFiles;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code harl masks cache}: the mask cache runs share under {@code <runs-dir>/mask-cache}. */
@Command(name = "cache", mixinStandardHelpOptions = true, description = "Manage the mask cache of a runs directory.",
        subcommands = CacheCommand.Clear.class)
public final class CacheCommand implements Runnable {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code harl masks cache clear}: deletes the cached masks, so the next run recomputes them. */
    @Command(name = "clear", mixinStandardHelpOptions = true,
            description = "Delete the cached masks of a runs directory (or of a given cache folder).")
    public static final class Clear implements Callable<Integer> {

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        static final class Where {
            @Option(names = "--runs-dir", paramLabel = "DIR",
                    description = "runs directory whose mask-cache folder is cleared (default: runs)")
            Path runsDir;

            @Option(names = "--cache-dir", paramLabel = "DIR", description = "the cache folder itself")
            Path cacheDir;
        }

        @ArgGroup(exclusive = true)
        Where where;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Path dir = where != null && where.cacheDir != null ? where.cacheDir
                    : MaskCacheFiles.ofRunsDir(where != null && where.runsDir != null ? where.runsDir : Path.of("runs"));
            MaskCacheFiles.Cleared c = MaskCacheFiles.clear(dir);
            out.printf(Locale.ROOT, "removed %d cached masks (%.1f MB) from %s%n", c.masks(), c.bytes() / 1e6, dir);
            if (c.leftAlone() > 0) {
                out.printf(Locale.ROOT, "left %d files that are not cache entries in %s%n", c.leftAlone(), dir);
            }
            return 0;
        }
    }
}
