package org.harl.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.harl.plugins.trackers.ExtendedJson;
import org.harl.plugins.trackers.wandb.ApiKey;
import org.harl.plugins.trackers.wandb.RetryPolicy;
import org.harl.plugins.trackers.wandb.RunState;
import org.harl.plugins.trackers.wandb.WandbApi;
import org.harl.plugins.trackers.wandb.WandbHttp;
import org.harl.plugins.trackers.wandb.WandbSettings;

/**
 * Publishes a report to W&B with {@code upsertView} when that is possible: W&B not switched off by
 * {@code WANDB_MODE}, an API key available, and runs that were logged to (or synced with) W&B. Returns the
 * Markdown paragraph saying what happened, so the local report records it.
 */
public final class WandbReportPublisher {
    private final Map<String, String> env;

    public WandbReportPublisher(Map<String, String> env) {
        this.env = env;
    }

    /** The W&B run of each run directory that has one (its {@code wandb/run.json} with a resolved entity). */
    static List<RunState> wandbRuns(List<Path> runDirs) {
        List<RunState> out = new ArrayList<>();
        for (Path d : runDirs) {
            Path wandbDir = d.resolve("wandb");
            if (Files.exists(RunState.path(wandbDir))) {
                try {
                    RunState s = RunState.load(wandbDir);
                    if (s.entity() != null) {
                        out.add(s);
                    }
                } catch (IOException | IllegalArgumentException ignored) {
                    // an unreadable run.json means the run is not on W&B as far as a report is concerned
                }
            }
        }
        return out;
    }

    /** Publishes; never throws: failures become the returned explanation. */
    public String publish(String title, String description, List<Path> runDirs, String groupBy,
                          List<WandbReportSpec.Panel> panels) {
        String mode = env.getOrDefault("WANDB_MODE", "").trim().toLowerCase(Locale.ROOT);
        if (mode.equals("offline") || mode.equals("dryrun") || mode.equals("disabled")) {
            return "Not published to W&B: WANDB_MODE=" + mode + ".";
        }
        List<RunState> runs = wandbRuns(runDirs);
        if (runs.isEmpty()) {
            return "Not published to W&B: none of the runs has been logged to W&B (offline runs: `./harl wandb"
                    + " sync RUN_DIR` first).";
        }
        RunState first = runs.get(0);
        String baseUrl;
        try {
            baseUrl = WandbSettings.normaliseBaseUrl(Optional.ofNullable(env.get("WANDB_BASE_URL"))
                    .filter(s -> !s.isBlank()).orElse(first.baseUrl() != null ? first.baseUrl()
                            : WandbSettings.DEFAULT_BASE_URL));
        } catch (IllegalArgumentException e) {
            return "Not published to W&B: " + e.getMessage() + ".";
        }
        Optional<ApiKey> key = WandbSettings.findKey(env, baseUrl);
        if (key.isEmpty()) {
            return "Not published to W&B: no API key (set WANDB_API_KEY or run `wandb login`).";
        }
        List<String> ids = runs.stream().filter(r -> r.entity().equals(first.entity())
                && r.project().equals(first.project())).map(RunState::runId).toList();
        Map<String, Object> spec = WandbReportSpec.build(title, description, first.entity(), first.project(), ids,
                groupBy, panels);
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("id", null);
        vars.put("entityName", first.entity());
        vars.put("projectName", first.project());
        vars.put("type", "runs");
        vars.put("name", WandbReportSpec.randomName());
        vars.put("displayName", title);
        vars.put("description", description);
        vars.put("spec", ExtendedJson.write(spec));
        WandbHttp http = new WandbHttp(baseUrl, key, new RetryPolicy(Duration.ofSeconds(2), Duration.ofSeconds(30),
                5, new Random()), Duration.ofSeconds(60));
        try {
            JsonNode view = new WandbApi(http).upsertView(vars);
            String slug = title.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("(^-|-$)", "");
            String url = WandbSettings.appUrl(baseUrl) + "/" + first.entity() + "/" + first.project() + "/reports/"
                    + slug + "--" + view.path("id").asText();
            String skipped = ids.size() < runDirs.size() ? " (" + (runDirs.size() - ids.size())
                    + " runs are not in " + first.entity() + "/" + first.project() + " and are left out)" : "";
            return "Published W&B report: " + url + skipped;
        } catch (IOException e) {
            return "Not published to W&B: " + key.get().redact(String.valueOf(e.getMessage())) + ".";
        } finally {
            http.shutdown();
        }
    }
}
