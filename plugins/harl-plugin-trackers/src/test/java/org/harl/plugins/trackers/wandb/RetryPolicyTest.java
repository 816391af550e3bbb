package org.harl.plugins.trackers.wandb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private final RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(2), Duration.ofSeconds(60), 10,
            new Random(1));

    @Test
    void backoffDoublesWithJitterAndCap() {
        for (int attempt = 0; attempt < 8; attempt++) {
            long nominal = Math.min(60_000, 2000L << attempt);
            long d = policy.delay(attempt, null).toMillis();
            assertTrue(d >= nominal && d <= nominal * 1.25 + 1, attempt + ": " + d);
        }
        assertTrue(policy.delay(40, null).toMillis() <= 75_000);
    }

    @Test
    void retryAfterOverrides() {
        assertEquals(Duration.ofSeconds(7), policy.delay(0, "7"));
        String date = ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(30).format(DateTimeFormatter.RFC_1123_DATE_TIME);
        long ms = policy.delay(5, date).toMillis();
        assertTrue(ms > 27_000 && ms <= 30_000, "date form: " + ms);
        assertEquals(Duration.ofMinutes(10), policy.delay(0, "86400"), "capped");
        assertTrue(policy.delay(0, "garbage").toMillis() >= 2000, "unreadable header falls back to backoff");
    }

    @Test
    void onlyTransientStatusesAreRetried() {
        for (int s : new int[] {400, 401, 403, 404, 409, 410, 413, 422}) {
            assertFalse(RetryPolicy.retryable(s), String.valueOf(s));
        }
        for (int s : new int[] {0, 408, 429, 500, 502, 503, 504}) {
            assertTrue(RetryPolicy.retryable(s), String.valueOf(s));
        }
    }
}
