package org.harl.plugins.trackers.wandb;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.harl.plugins.trackers.ExtendedJson;
import org.harl.plugins.trackers.TrackerWarnings;

/**
 * Sends journal entries to W&B in order: UpsertBucket for run entries, CreateRunFiles + PUT for files, then
 * file_stream requests (history and output lines at their offsets, the whole summary at offset 0) and finally
 * {@code complete}/{@code exitcode}. Used both live (by {@link WandbSender}) and by {@code harl wandb sync}.
 * Offsets make every request idempotent, so a batch may be sent again after a failure.
 */
final class RunStreamer {
    /** W&B skips history lines above ~10.1 MB; we do the same instead of failing the request. */
    static final int MAX_LINE_BYTES = (10 << 20) - (100 << 10);
    /** Requests are split above this many bytes of line content (W&B caps requests near 10 MiB). */
    static final int MAX_REQUEST_BYTES = 4 << 20;
    static final String HISTORY = "wandb-history.jsonl";
    static final String SUMMARY = "wandb-summary.json";
    static final String OUTPUT = "output.log";

    private final WandbApi api;
    private final Path runDir;
    private final TrackerWarnings warnings;
    private final Consumer<RunTarget> onTarget;
    private RunTarget target;
    private String defaultEntity;
    private final Map<String, Object> summary = new LinkedHashMap<>();
    private boolean summaryDirty;
    private boolean stopReported;

    RunStreamer(WandbApi api, Path runDir, TrackerWarnings warnings, Consumer<RunTarget> onTarget) {
        this.api = api;
        this.runDir = runDir;
        this.warnings = warnings;
        this.onTarget = onTarget;
    }

    RunTarget target() {
        return target;
    }

    /** Takes an entry already sent in an earlier session into the summary state, without sending anything. */
    void absorb(JournalEntry entry) {
        if (entry instanceof JournalEntry.History h) {
            mergeSummary(h.line());
        } else if (entry instanceof JournalEntry.Summary s) {
            mergeSummary(s.line());
        }
        summaryDirty = false;
    }

    private void mergeSummary(String line) {
        try {
            summary.putAll(ExtendedJson.readMap(line));
            summaryDirty = true;
        } catch (IllegalArgumentException e) {
            warnings.warn("skipped an unreadable summary/history line: " + e.getMessage());
        }
    }

    /** Sends a batch of entries, in journal order. */
    void send(List<JournalEntry> batch) throws IOException {
        for (JournalEntry e : batch) {
            if (e instanceof JournalEntry.Run run) {
                upsert(run.variables());
            }
        }
        if (target == null) {
            throw new WandbApiException(-1, "the journal has no run entry before its data");
        }
        List<String> uploaded = uploadFiles(batch);
        List<Map<String, Object>> requests = new ArrayList<>();
        Chunker chunker = new Chunker(requests);
        Integer exitCode = null;
        for (JournalEntry e : batch) {
            if (e instanceof JournalEntry.History h) {
                mergeSummary(h.line());
                chunker.add(HISTORY, h.offset(), h.line());
            } else if (e instanceof JournalEntry.Output o) {
                chunker.add(OUTPUT, o.offset(), o.line());
            } else if (e instanceof JournalEntry.Summary s) {
                mergeSummary(s.line());
            } else if (e instanceof JournalEntry.Exit x) {
                exitCode = x.code();
            }
        }
        chunker.close();
        if (requests.isEmpty() && (summaryDirty || !uploaded.isEmpty() || exitCode != null)) {
            requests.add(new LinkedHashMap<>(Map.of("files", new LinkedHashMap<String, Object>())));
        }
        for (int i = 0; i < requests.size(); i++) {
            Map<String, Object> request = requests.get(i);
            boolean last = i == requests.size() - 1;
            if (last) {
                attachSummary(request);
                if (!uploaded.isEmpty()) {
                    request.put("uploaded", uploaded);
                }
                if (exitCode != null) {
                    request.put("complete", true);
                    request.put("exitcode", exitCode);
                }
            }
            post(request);
        }
    }

    /** An empty request: tells the server the run is alive. */
    void heartbeat() throws IOException {
        if (target != null) {
            post(new LinkedHashMap<>());
        }
    }

    private void post(Map<String, Object> request) throws IOException {
        JsonNode reply = api.fileStream(target, request);
        if (reply.path("stopped").asBoolean(false) && !stopReported) {
            stopReported = true;
            warnings.info("the run was stopped in the W&B UI; harl keeps training (stop it with Ctrl-C)");
        }
    }

    private void upsert(Map<String, Object> journalVariables) throws IOException {
        Map<String, Object> variables = new LinkedHashMap<>(journalVariables);
        if (variables.get("entity") == null) {
            if (target != null) {
                variables.put("entity", target.entity());
            } else {
                if (defaultEntity == null) {
                    defaultEntity = api.defaultEntity();
                }
                variables.put("entity", defaultEntity);
            }
        }
        RunTarget resolved = api.upsertBucket(variables);
        if (!resolved.equals(target)) {
            target = resolved;
            onTarget.accept(resolved);
        }
    }

    private List<String> uploadFiles(List<JournalEntry> batch) throws IOException {
        Map<String, Path> files = new LinkedHashMap<>();
        for (JournalEntry e : batch) {
            if (e instanceof JournalEntry.File f) {
                Path local = runDir.resolve(f.local());
                if (Files.isRegularFile(local)) {
                    files.put(f.name(), local);
                } else {
                    warnings.warn("run file " + f.name() + " is missing locally (" + local + "); not uploaded");
                }
            }
        }
        if (files.isEmpty()) {
            return List.of();
        }
        Set<String> done = new LinkedHashSet<>();
        for (WandbApi.UploadTarget t : api.createRunFiles(target, new ArrayList<>(files.keySet()))) {
            Path local = files.get(t.name());
            if (local != null) {
                api.upload(t, local);
                done.add(t.name());
            }
        }
        for (String name : files.keySet()) {
            if (!done.contains(name)) {
                warnings.warn("the server gave no upload URL for " + name);
            }
        }
        return new ArrayList<>(done);
    }

    private void attachSummary(Map<String, Object> request) {
        if (!summaryDirty) {
            return;
        }
        Map<String, Object> whole = new LinkedHashMap<>(summary);
        if (whole.get("_runtime") instanceof Number runtime) {
            whole.put("_wandb", Map.of("runtime", (long) Math.floor(runtime.doubleValue())));
        }
        files(request).put(SUMMARY, chunk(0, List.of(ExtendedJson.write(whole))));
        summaryDirty = false;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> files(Map<String, Object> request) {
        return (Map<String, Object>) request.computeIfAbsent("files", k -> new LinkedHashMap<String, Object>());
    }

    private static Map<String, Object> chunk(long offset, List<String> content) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("offset", offset);
        c.put("content", content);
        return c;
    }

    /** Packs lines into requests: one contiguous run of lines per file per request, bounded in bytes. */
    private final class Chunker {
        private final List<Map<String, Object>> requests;
        private final Map<String, Long> nextOffset = new LinkedHashMap<>();
        private final Map<String, List<String>> lines = new LinkedHashMap<>();
        private final Map<String, Long> firstOffset = new LinkedHashMap<>();
        private long bytes;

        Chunker(List<Map<String, Object>> requests) {
            this.requests = requests;
        }

        void add(String file, long offset, String line) {
            int size = line.getBytes(StandardCharsets.UTF_8).length;
            if (size > MAX_LINE_BYTES) {
                warnings.warn("skipped a " + file + " line of " + size + " bytes (W&B's limit is ~10 MB)");
                return;
            }
            Long expected = nextOffset.get(file);
            if ((expected != null && expected != offset) || bytes + size > MAX_REQUEST_BYTES) {
                close();
            }
            firstOffset.putIfAbsent(file, offset);
            lines.computeIfAbsent(file, k -> new ArrayList<>()).add(line);
            nextOffset.put(file, offset + 1);
            bytes += size;
        }

        void close() {
            if (lines.isEmpty()) {
                return;
            }
            Map<String, Object> request = new LinkedHashMap<>();
            Map<String, Object> files = files(request);
            lines.forEach((file, content) -> files.put(file, chunk(firstOffset.get(file), content)));
            requests.add(request);
            lines.clear();
            firstOffset.clear();
            nextOffset.clear();
            bytes = 0;
        }
    }
}
