package org.harl.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time and minor page faults of this process so far, from {@code /proc/self/stat} (Linux). On a busy machine
 * wall-clock step times mostly measure the neighbours; CPU seconds and page faults per step are what the step
 * itself costs, so the benchmarks print them beside images/s (the PyTorch reference prints the same from getrusage).
 *
 * @param userSeconds   user-mode CPU seconds, all threads
 * @param systemSeconds kernel-mode CPU seconds, all threads (page faults, madvise, futex waits)
 * @param minorFaults   page faults served without I/O (first touch of freshly mapped memory)
 */
record ProcessCounters(double userSeconds, double systemSeconds, long minorFaults) {

    /** Kernel clock ticks per second: 100 on every Linux architecture the JDK runs on (USER_HZ). */
    private static final double TICKS = 100.0;

    static ProcessCounters now() {
        try {
            return parse(Files.readString(Path.of("/proc/self/stat")));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/self/stat (Linux only): " + e.getMessage(), e);
        }
    }

    /** Parses a {@code /proc/PID/stat} line; the command name (field 2) may contain spaces and parentheses. */
    static ProcessCounters parse(String stat) {
        int close = stat.lastIndexOf(')');
        if (close < 0) {
            throw new IllegalArgumentException("not a /proc/PID/stat line: " + stat);
        }
        String[] f = stat.substring(close + 2).trim().split(" ");
        // after the name: field 3 (state) is f[0], so field k is f[k - 3]
        return new ProcessCounters(Long.parseLong(f[14 - 3]) / TICKS, Long.parseLong(f[15 - 3]) / TICKS,
                Long.parseLong(f[10 - 3]));
    }

    /** Counters accrued since {@code earlier}. */
    ProcessCounters minus(ProcessCounters earlier) {
        return new ProcessCounters(userSeconds - earlier.userSeconds, systemSeconds - earlier.systemSeconds,
                minorFaults - earlier.minorFaults);
    }
}
