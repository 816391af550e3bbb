package org.harl.plugins.trackers.console;

import org.harl.spi.config.Doc;
import org.harl.spi.config.InvalidConfigException;

/** The {@code console} tracker: a progress line with ETA, loss and throughput. */
public record ConsoleConfig(
        @Doc("print only the start, summary and end lines (no progress)") boolean quiet,
        @Doc("seconds between progress redraws on a terminal") double refreshS,
        @Doc("seconds between progress lines when the output is not a terminal (log files)") double lineEveryS,
        @Doc("metric shown as the loss (default: 'loss', else the first metric whose name starts with 'loss')")
        String lossKey) {

    public ConsoleConfig {
        InvalidConfigException.check(refreshS > 0, "refresh_s", "must be > 0");
        InvalidConfigException.check(lineEveryS > 0, "line_every_s", "must be > 0");
        lossKey = lossKey == null ? "" : lossKey;
    }

    public static ConsoleConfig defaults() {
        return new ConsoleConfig(false, 0.5, 30, "");
    }
}
