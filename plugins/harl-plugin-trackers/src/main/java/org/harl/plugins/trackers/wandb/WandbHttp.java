package org.harl.plugins.trackers.wandb;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * HTTP for W&B: one OkHttp client, retries by {@link RetryPolicy}, and Basic auth added only to requests for the
 * configured base URL's origin (never to signed upload URLs on storage hosts).
 */
public final class WandbHttp {
    /** Identifies this client to the server: {@code harl/<project version>}. */
    public static final String USER_AGENT = "harl/" + version();

    private final OkHttpClient client;
    private final HttpUrl base;
    private final Optional<ApiKey> key;
    private final RetryPolicy retry;

    public WandbHttp(String baseUrl, Optional<ApiKey> key, RetryPolicy retry, Duration timeout) {
        this.base = HttpUrl.get(baseUrl + "/");
        this.key = key;
        this.retry = retry;
        this.client = new OkHttpClient.Builder()
                .callTimeout(timeout)
                .readTimeout(timeout)
                .connectTimeout(Duration.ofSeconds(Math.min(30, Math.max(1, timeout.toSeconds()))))
                .retryOnConnectionFailure(false)
                .build();
    }

    /** {@code base + path}, path without a leading slash. */
    public HttpUrl url(String path) {
        HttpUrl u = base.resolve(path);
        if (u == null) {
            throw new IllegalArgumentException("bad W&B path " + path);
        }
        return u;
    }

    /** Text of a response body with the key scrubbed. */
    public String redact(String text) {
        return key.map(k -> k.redact(text)).orElse(text);
    }

    private boolean sameOrigin(HttpUrl url) {
        return url.scheme().equals(base.scheme()) && url.host().equals(base.host()) && url.port() == base.port();
    }

    /** Executes a W&B API request (authenticated when it goes to the base URL's origin). */
    public String execute(Request request) throws IOException {
        return execute(request, true);
    }

    /**
     * Executes with retries and returns the body of a 2xx response. {@code authenticate = false} for signed
     * storage URLs, which must never see the API key even when they share the server's origin.
     *
     * @throws WandbApiException on a status that is not retried or when retries run out
     * @throws InterruptedIOException when the thread is interrupted while waiting
     */
    public String execute(Request request, boolean authenticate) throws IOException {
        Request.Builder builder = request.newBuilder().header("User-Agent", USER_AGENT);
        if (authenticate && sameOrigin(request.url()) && key.isPresent()) {
            builder.header("Authorization", key.get().basicAuthorization());
        } else {
            builder.removeHeader("Authorization");
        }
        Request prepared = builder.build();
        String what = request.method() + " " + request.url().encodedPath();
        for (int attempt = 0; ; attempt++) {
            int status;
            String retryAfter = null;
            String failure;
            try (Response response = client.newCall(prepared).execute()) {
                status = response.code();
                ResponseBody body = response.body();
                String text = body.string();
                if (response.isSuccessful()) {
                    return text;
                }
                retryAfter = response.header("Retry-After");
                failure = "HTTP " + status + " " + abbreviate(redact(text));
                if (!RetryPolicy.retryable(status)) {
                    throw new WandbApiException(status, what + " failed: " + failure + hint(status));
                }
            } catch (WandbApiException e) {
                throw e;
            } catch (IOException e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedIOException(what + " interrupted");
                }
                status = 0;
                failure = redact(e.getClass().getSimpleName() + ": " + e.getMessage());
            }
            if (attempt >= retry.maxRetries()) {
                throw new WandbApiException(status, what + " failed after " + (attempt + 1) + " attempts: "
                        + failure);
            }
            sleep(retry.delay(attempt, retryAfter), what);
        }
    }

    /** The Maven project version, filtered into {@code harl-version.properties} at build time. */
    private static String version() {
        java.util.Properties p = new java.util.Properties();
        try (java.io.InputStream in = WandbHttp.class.getResourceAsStream("harl-version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // fall through: the agent still names the client
        }
        String v = p.getProperty("version", "");
        return v.isBlank() || v.startsWith("${") ? "unknown" : v.trim();
    }

    private static String hint(int status) {
        return status == 401 || status == 403 ? " (check WANDB_API_KEY or `wandb login`)" : "";
    }

    private static void sleep(Duration d, String what) throws InterruptedIOException {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException(what + " interrupted while waiting to retry");
        }
    }

    private static String abbreviate(String s) {
        String t = s == null ? "" : s.replaceAll("\\s+", " ").trim();
        return t.length() > 300 ? t.substring(0, 300) + "..." : t;
    }

    /** Frees the client's threads and connections. */
    public void shutdown() {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}
