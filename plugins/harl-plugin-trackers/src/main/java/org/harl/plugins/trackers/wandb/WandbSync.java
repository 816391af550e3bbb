package org.harl.plugins.trackers.wandb;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.harl.plugins.trackers.TrackerWarnings;

/**
 * {@code harl wandb sync}: replays the journals of run directories to the server. Replaying is idempotent (every
 * line goes to its recorded offset), so syncing twice, or syncing a run that was partly streamed, is harmless.
 */
public final class WandbSync {
    private static final int BATCH = 2000;

    /** What happened to one journal. */
    public record Result(Path journal, String runId, long entries, boolean skipped, String pageUrl) {
    }

    private final Map<String, String> env;
    private final RetryPolicy retry;
    private final Duration timeout;
    private final TrackerWarnings out;

    public WandbSync(Map<String, String> env, RetryPolicy retry, Duration timeout, PrintStream out) {
        this.env = env;
        this.retry = retry;
        this.timeout = timeout;
        this.out = new TrackerWarnings("wandb sync", out);
    }

    /**
     * Syncs every journal of a run directory.
     *
     * @param force send journals again even when marked synced
     * @throws IOException when the directory has no journal or the server refuses it (message redacted)
     */
    public List<Result> sync(Path runDir, boolean force) throws IOException {
        Path wandbDir = runDir.resolve("wandb");
        List<Path> journals = Journal.list(wandbDir);
        if (journals.isEmpty()) {
            throw new IOException(runDir + " has no W&B journal (" + wandbDir + "/run-*.journal.jsonl); was it run"
                    + " with the wandb tracker in online or offline mode?");
        }
        RunState state = Files.exists(RunState.path(wandbDir)) ? RunState.load(wandbDir) : null;
        String baseUrl = WandbSettings.normaliseBaseUrl(Optional.ofNullable(env.get("WANDB_BASE_URL"))
                .filter(s -> !s.isBlank())
                .orElse(state != null && state.baseUrl() != null ? state.baseUrl() : WandbSettings.DEFAULT_BASE_URL));
        Optional<ApiKey> key = WandbSettings.findKey(env, baseUrl);
        if (key.isEmpty()) {
            throw new IOException("no W&B API key for " + baseUrl + ": set WANDB_API_KEY or run `wandb login`");
        }
        WandbHttp http = new WandbHttp(baseUrl, key, retry, timeout);
        try {
            List<Result> results = new ArrayList<>();
            for (Path journal : journals) {
                results.add(syncOne(journal, runDir, wandbDir, state, http, baseUrl, force));
            }
            return results;
        } finally {
            http.shutdown();
        }
    }

    private Result syncOne(Path journal, Path runDir, Path wandbDir, RunState state, WandbHttp http,
                           String baseUrl, boolean force) throws IOException {
        List<JournalEntry> all = Journal.read(journal);
        List<JournalEntry> entries = JournalEntry.withoutEarlierExits(all, false);
        String name = journal.getFileName().toString();
        String runId = name.substring("run-".length(), name.length() - Journal.SUFFIX.length());
        if (!force && Journal.syncedEntries(journal).orElse(-1L) >= all.size()) {
            out.info(runId + " is already synced (" + all.size() + " entries); use --force to send it again");
            return new Result(journal, runId, all.size(), true, null);
        }
        RunStreamer streamer = new RunStreamer(new WandbApi(http), runDir, out, target -> {
            if (state != null && state.runId().equals(target.runId()) && state.entity() == null) {
                try {
                    state.withEntity(target.entity()).save(wandbDir);
                } catch (IOException e) {
                    out.warn("cannot update " + RunState.path(wandbDir) + ": " + e.getMessage());
                }
            }
        });
        for (int from = 0; from < entries.size(); from += BATCH) {
            streamer.send(entries.subList(from, Math.min(entries.size(), from + BATCH)));
            out.info(runId + ": sent " + Math.min(entries.size(), from + BATCH) + "/" + entries.size() + " entries");
        }
        if (entries.isEmpty() || !(entries.get(entries.size() - 1) instanceof JournalEntry.Exit)) {
            out.info(runId + ": the journal has no end (the run is still going or crashed); W&B will show it as"
                    + " running until it times out");
        }
        Journal.markSynced(journal, all.size());
        String page = streamer.target() == null ? null : streamer.target().pageUrl(baseUrl);
        out.info(runId + " synced" + (page != null ? ": " + page : ""));
        return new Result(journal, runId, entries.size(), false, page);
    }
}
