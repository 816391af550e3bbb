package org.harl.plugins.trackers.jsonl;

import org.harl.spi.config.Doc;
import org.harl.spi.config.InvalidConfigException;

/** The {@code jsonl} tracker: metrics and logged images as files in the run directory. */
public record JsonlConfig(
        @Doc("file (in the run directory) that gets one JSON object per log call") String metricsFile,
        @Doc("file (in the run directory) listing logged images: step, key, path, caption") String mediaFile) {

    public JsonlConfig {
        InvalidConfigException.check(metricsFile != null && !metricsFile.isBlank(), "metrics_file", "must be set");
        InvalidConfigException.check(mediaFile != null && !mediaFile.isBlank(), "media_file", "must be set");
    }

    public static JsonlConfig defaults() {
        return new JsonlConfig("metrics.jsonl", "media.jsonl");
    }
}
