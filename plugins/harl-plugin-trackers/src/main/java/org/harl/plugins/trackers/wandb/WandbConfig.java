package org.harl.plugins.trackers.wandb;

import java.util.List;
import org.harl.spi.config.Doc;
import org.harl.spi.config.InvalidConfigException;

/**
 * The {@code wandb} tracker's YAML section. Empty values fall back to the usual {@code WANDB_*} environment
 * variables, then to W&B's defaults. The API key is deliberately not a key here: it comes only from
 * {@code WANDB_API_KEY} or netrc, so it never lands in a resolved config file.
 */
public record WandbConfig(
        @Doc("online, offline or disabled (empty: WANDB_MODE, else online)") String mode,
        @Doc("W&B entity (user or team; empty: WANDB_ENTITY, else the API key's default entity)") String entity,
        @Doc("W&B project (empty: WANDB_PROJECT, else 'harl')") String project,
        @Doc("display name (empty: WANDB_NAME, else the run name)") String name,
        @Doc("run group (empty: WANDB_RUN_GROUP, else the sweep name)") String group,
        @Doc("tags (empty: WANDB_TAGS, comma-separated)") List<String> tags,
        @Doc("notes (empty: WANDB_NOTES)") String notes,
        @Doc("job type (empty: WANDB_JOB_TYPE, else 'pretrain')") String jobType,
        @Doc("server (empty: WANDB_BASE_URL, else https://api.wandb.ai)") String baseUrl,
        @Doc("upload checkpoints as run files under checkpoints/") boolean uploadCheckpoints,
        @Doc("seconds between file_stream posts (W&B's own client uses 15)") double flushIntervalS,
        @Doc("first retry delay in seconds; doubles per attempt, capped at retry_cap_s, plus 0-25% jitter")
        double retryBaseS,
        @Doc("longest retry delay in seconds") double retryCapS,
        @Doc("retries of one request before the run falls back to offline") int maxRetries,
        @Doc("seconds one HTTP request may take") double httpTimeoutS,
        @Doc("seconds finish() waits for the upload to drain before leaving the rest to `harl wandb sync`")
        double finishTimeoutS,
        @Doc("journal entries buffered for sending; beyond this the run falls back to offline") int maxBuffered) {

    public WandbConfig {
        mode = blankToNull(mode);
        entity = blankToNull(entity);
        project = blankToNull(project);
        name = blankToNull(name);
        group = blankToNull(group);
        notes = blankToNull(notes);
        jobType = blankToNull(jobType);
        baseUrl = blankToNull(baseUrl);
        tags = tags == null ? List.of() : List.copyOf(tags);
        if (mode != null) {
            try {
                WandbMode.parse(mode, "mode");
            } catch (IllegalArgumentException e) {
                throw new InvalidConfigException("mode", "unknown W&B mode '" + mode
                        + "' (use online, offline or disabled)");
            }
        }
        for (String tag : tags) {
            InvalidConfigException.check(tag != null && !tag.isEmpty() && tag.length() <= 64, "tags",
                    "each tag must have 1 to 64 characters, got '" + tag + "'");
        }
        InvalidConfigException.check(flushIntervalS > 0, "flush_interval_s", "must be > 0");
        InvalidConfigException.check(retryBaseS >= 0, "retry_base_s", "must be >= 0");
        InvalidConfigException.check(retryCapS >= retryBaseS, "retry_cap_s", "must be >= retry_base_s");
        InvalidConfigException.check(maxRetries >= 0, "max_retries", "must be >= 0");
        InvalidConfigException.check(httpTimeoutS > 0, "http_timeout_s", "must be > 0");
        InvalidConfigException.check(finishTimeoutS >= 0, "finish_timeout_s", "must be >= 0");
        InvalidConfigException.check(maxBuffered >= 1, "max_buffered", "must be >= 1");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    public static WandbConfig defaults() {
        return new WandbConfig(null, null, null, null, null, List.of(), null, null, null, false,
                15, 2, 60, 30, 60, 120, 100_000);
    }
}
