package org.harl.plugins.trackers;

import java.io.PrintStream;
import java.util.HashSet;
import java.util.Set;

/**
 * Where trackers report their own problems. A tracker failure must never stop training, so trackers catch their
 * errors and report them here once per distinct message instead of throwing.
 */
public final class TrackerWarnings {
    private final String prefix;
    private final PrintStream out;
    private final Set<String> seen = new HashSet<>();

    public TrackerWarnings(String prefix, PrintStream out) {
        this.prefix = prefix;
        this.out = out;
    }

    /** Prints the message (once per distinct text). */
    public synchronized void warn(String message) {
        if (seen.add(message)) {
            out.println(prefix + ": " + message);
            out.flush();
        }
    }

    /** Prints the message every time (status lines such as "run synced"). */
    public synchronized void info(String message) {
        out.println(prefix + ": " + message);
        out.flush();
    }
}
