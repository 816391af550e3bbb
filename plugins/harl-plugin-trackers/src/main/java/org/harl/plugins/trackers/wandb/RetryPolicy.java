package org.harl.plugins.trackers.wandb;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Random;
import java.util.Set;

/**
 * W&B's retry rules: {@code base·2^n} plus 0-25 % jitter, capped; a {@code Retry-After} header (seconds or an
 * HTTP date) overrides the delay; client errors that a retry cannot fix are not retried.
 */
public record RetryPolicy(Duration base, Duration cap, int maxRetries, Random random) {

    /** Statuses that fail at once (W&B core's list, plus 501). */
    private static final Set<Integer> NOT_RETRIED = Set.of(400, 401, 403, 404, 409, 410, 413, 422, 501);
    /** Longest wait a server's {@code Retry-After} may impose. */
    private static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(10);

    public static RetryPolicy of(WandbConfig config) {
        return new RetryPolicy(Duration.ofMillis(Math.round(config.retryBaseS() * 1000)),
                Duration.ofMillis(Math.round(config.retryCapS() * 1000)), config.maxRetries(), new Random());
    }

    /** Whether a response with this status is worth repeating. */
    public static boolean retryable(int status) {
        return !NOT_RETRIED.contains(status) && (status == 0 || status >= 400);
    }

    /** The wait before retry number {@code attempt} (0-based), honouring {@code retryAfter} when present. */
    public Duration delay(int attempt, String retryAfter) {
        Duration server = parseRetryAfter(retryAfter);
        if (server != null) {
            return server.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : server;
        }
        double exp = base.toMillis() * Math.pow(2, Math.min(attempt, 30));
        double capped = Math.min(exp, cap.toMillis());
        double jittered = capped * (1 + 0.25 * random.nextDouble());
        return Duration.ofMillis(Math.round(Math.min(jittered, cap.toMillis() * 1.25)));
    }

    /** Seconds or an RFC 1123 date; null when absent or unreadable. */
    static Duration parseRetryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        try {
            return Duration.ofMillis(Math.max(0, Math.round(Double.parseDouble(v) * 1000)));
        } catch (NumberFormatException e) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException ignored) {
                return null;
            }
        }
    }
}
