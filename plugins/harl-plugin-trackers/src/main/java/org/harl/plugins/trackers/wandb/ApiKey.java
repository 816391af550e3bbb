package org.harl.plugins.trackers.wandb;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * A W&B API key. Its {@link #toString()} never shows the key, and {@link #redact} scrubs it from any text that
 * might reach a log, an exception or a file.
 */
public final class ApiKey {
    private final String value;
    private final String source;

    public ApiKey(String value, String source) {
        this.value = Objects.requireNonNull(value, "value").trim();
        this.source = source;
        if (this.value.isEmpty()) {
            throw new IllegalArgumentException("empty W&B API key from " + source);
        }
    }

    /** Where the key came from ({@code WANDB_API_KEY}, {@code ~/.netrc}), for messages. */
    public String source() {
        return source;
    }

    /** The {@code Authorization} header value: Basic auth with user {@code api}. */
    String basicAuthorization() {
        return "Basic " + Base64.getEncoder().encodeToString(("api:" + value).getBytes(StandardCharsets.UTF_8));
    }

    /** Replaces the key (and its Basic-auth form) in {@code text} with {@code ***}. */
    public String redact(String text) {
        if (text == null) {
            return null;
        }
        String header = basicAuthorization().substring("Basic ".length());
        return text.replace(value, "***").replace(header, "***");
    }

    @Override
    public String toString() {
        return "ApiKey[from " + source + "]";
    }
}
