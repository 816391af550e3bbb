package org.harl.plugins.trackers.wandb;

import java.io.IOException;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The W&B settings of one run: YAML values first, then {@code WANDB_*} environment variables, then W&B defaults.
 *
 * @param baseUrl W&B API server without trailing slash
 */
public record WandbSettings(WandbMode mode, String baseUrl, Optional<ApiKey> apiKey, String entity, String project,
                            String displayName, String group, List<String> tags, String notes, String jobType) {

    public static final String DEFAULT_BASE_URL = "https://api.wandb.ai";

    /**
     * @param runName  the harl run name (default display name)
     * @param runGroup the sweep name (default group), or null
     */
    public static WandbSettings resolve(WandbConfig config, Map<String, String> env, String runName,
                                        String runGroup) {
        WandbMode mode = config.mode() != null ? WandbMode.parse(config.mode(), "wandb.mode")
                : env.get("WANDB_MODE") != null && !env.get("WANDB_MODE").isBlank()
                ? WandbMode.parse(env.get("WANDB_MODE"), "WANDB_MODE") : WandbMode.ONLINE;
        String baseUrl = normaliseBaseUrl(first(config.baseUrl(), env.get("WANDB_BASE_URL"), DEFAULT_BASE_URL));
        List<String> tags = !config.tags().isEmpty() ? config.tags()
                : env.get("WANDB_TAGS") == null ? List.of() : Arrays.stream(env.get("WANDB_TAGS").split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
        return new WandbSettings(mode, baseUrl, mode == WandbMode.ONLINE ? findKey(env, baseUrl) : Optional.empty(),
                first(config.entity(), env.get("WANDB_ENTITY"), null),
                first(config.project(), env.get("WANDB_PROJECT"), "harl"),
                first(config.name(), env.get("WANDB_NAME"), runName),
                first(config.group(), env.get("WANDB_RUN_GROUP"), runGroup),
                tags,
                first(config.notes(), env.get("WANDB_NOTES"), null),
                first(config.jobType(), env.get("WANDB_JOB_TYPE"), "pretrain"));
    }

    private static String first(String a, String b, String fallback) {
        if (a != null && !a.isBlank()) {
            return a;
        }
        if (b != null && !b.isBlank()) {
            return b.trim();
        }
        return fallback;
    }

    /** Strips trailing slashes and rejects what W&B rejects (the app host instead of the API host). */
    public static String normaliseBaseUrl(String url) {
        String u = url.trim();
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        URI uri;
        try {
            uri = URI.create(u);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("W&B base URL '" + url + "' is not a URL");
        }
        if (uri.getHost() == null || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
            throw new IllegalArgumentException("W&B base URL '" + url + "' must be http(s)://host[:port]");
        }
        if (uri.getHost().equals("wandb.ai")) {
            throw new IllegalArgumentException("W&B base URL must be https://api.wandb.ai, not " + url);
        }
        return u;
    }

    /** {@code WANDB_API_KEY}, else the netrc password of the base URL's host[:port]. */
    public static Optional<ApiKey> findKey(Map<String, String> env, String baseUrl) {
        String key = env.get("WANDB_API_KEY");
        if (key != null && !key.isBlank()) {
            return Optional.of(new ApiKey(key, "WANDB_API_KEY"));
        }
        URI uri = URI.create(baseUrl);
        String machine = uri.getPort() > 0 ? uri.getHost() + ":" + uri.getPort() : uri.getHost();
        Optional<java.nio.file.Path> netrc = Netrc.locate(env.get("NETRC"), env.getOrDefault("HOME",
                System.getProperty("user.home")));
        if (netrc.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Netrc.password(netrc.get(), machine).map(p -> new ApiKey(p, netrc.get() + " (machine " + machine
                    + ")"));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The web app URL for the API URL: {@code api.wandb.ai -> wandb.ai}, {@code api.X -> app.X}. */
    public static String appUrl(String baseUrl) {
        URI uri = URI.create(baseUrl);
        String host = uri.getHost();
        String appHost = host.startsWith("api.wandb.") ? host.substring(4)
                : host.startsWith("api.") ? "app." + host.substring(4) : host;
        return uri.getScheme() + "://" + appHost + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
    }
}
