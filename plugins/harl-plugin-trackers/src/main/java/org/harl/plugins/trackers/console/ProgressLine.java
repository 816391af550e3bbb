package org.harl.plugins.trackers.console;

import java.util.Locale;

/** Renders one progress line: {@code [=====>    ]  45% 450/1000 | loss 0.1234 | 120.5 img/s | ETA 00:03:12}. */
public final class ProgressLine {
    private static final int BAR = 24;

    private ProgressLine() {
    }

    /**
     * @param done          steps done in this session's count (start step included)
     * @param total         planned steps (0 = unknown)
     * @param loss          current loss or NaN when not known
     * @param imagesPerS    throughput or NaN when not known
     * @param etaSeconds    remaining seconds or negative when not known
     */
    public static String render(long done, long total, double loss, double imagesPerS, double etaSeconds) {
        StringBuilder sb = new StringBuilder();
        if (total > 0) {
            double frac = Math.max(0, Math.min(1, done / (double) total));
            int filled = (int) Math.round(frac * BAR);
            sb.append('[');
            for (int i = 0; i < BAR; i++) {
                sb.append(i < filled - 1 || (i == filled - 1 && filled == BAR) ? '=' : i == filled - 1 ? '>' : ' ');
            }
            sb.append("] ").append(String.format(Locale.ROOT, "%3d%% %d/%d", (int) Math.floor(frac * 100), done, total));
        } else {
            sb.append("step ").append(done);
        }
        if (!Double.isNaN(loss)) {
            sb.append(" | loss ").append(formatNumber(loss));
        }
        if (!Double.isNaN(imagesPerS)) {
            sb.append(String.format(Locale.ROOT, " | %.1f img/s", imagesPerS));
        }
        if (etaSeconds >= 0 && Double.isFinite(etaSeconds)) {
            sb.append(" | ETA ").append(duration(etaSeconds));
        }
        return sb.toString();
    }

    /** Four significant digits, scientific below 1e-3. */
    public static String formatNumber(double v) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        double a = Math.abs(v);
        return a != 0 && (a < 1e-3 || a >= 1e5) ? String.format(Locale.ROOT, "%.3e", v)
                : String.format(Locale.ROOT, "%.4f", v);
    }

    /** {@code HH:MM:SS}, with days when longer. */
    public static String duration(double seconds) {
        long s = Math.round(seconds);
        long d = s / 86400;
        String hms = String.format(Locale.ROOT, "%02d:%02d:%02d", (s / 3600) % 24, (s / 60) % 60, s % 60);
        return d > 0 ? d + "d " + hms : hms;
    }
}
