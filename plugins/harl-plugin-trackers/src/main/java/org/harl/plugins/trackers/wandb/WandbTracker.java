package org.harl.plugins.trackers.wandb;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.harl.plugins.trackers.ExtendedJson;
import org.harl.plugins.trackers.TrackerWarnings;
import org.harl.spi.ComponentFactory;
import org.harl.spi.ComponentKind;
import org.harl.spi.track.RunInfo;
import org.harl.spi.track.Tracker;

/**
 * Logs a run to Weights & Biases. Every call becomes a {@link JournalEntry} appended to the run's journal
 * (offline and online alike) and, online, queued for the {@link WandbSender}. Rows logged at the same step are
 * merged into one history line, as W&B's clients do. Nothing here throws into the trainer: problems become
 * warnings, and a run that loses the server continues offline.
 */
public final class WandbTracker implements Tracker {

    /** Registers the {@code wandb} tracker. */
    public static final ComponentFactory<WandbConfig, Tracker> FACTORY = ComponentFactory.of(ComponentKind.TRACKER,
            "wandb", "Weights & Biases: online streaming, offline journal (harl wandb sync) or disabled",
            WandbConfig.class, WandbConfig.defaults(),
            (config, context) -> new WandbTracker(config, System.getenv(), System.err));

    private static final DateTimeFormatter OUTPUT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS");

    private final WandbConfig config;
    private final Map<String, String> env;
    private final TrackerWarnings warnings;
    private WandbSettings settings;
    private Path runDir;
    private Path wandbDir;
    /** Volatile: the sender thread updates it when the server resolves the entity. */
    private volatile RunState state;
    private Journal journal;
    private WandbSender sender;
    private WandbHttp http;
    private boolean active;
    private long historyOffset;
    private long outputOffset;
    private double runtimeBefore;
    private long startNanos;
    private long lastStep = -1;
    private long pendingStep = -1;
    private final Map<String, Object> pending = new LinkedHashMap<>();

    public WandbTracker(WandbConfig config, Map<String, String> env, PrintStream err) {
        this.config = config;
        this.env = env;
        this.warnings = new TrackerWarnings("wandb", err);
    }

    @Override
    public synchronized void start(RunInfo run) {
        try {
            settings = WandbSettings.resolve(config, env, run.name(), run.group());
        } catch (IllegalArgumentException e) {
            warnings.warn(e.getMessage() + "; W&B logging is off for this run");
            return;
        }
        if (settings.mode() == WandbMode.DISABLED) {
            return;
        }
        runDir = run.directory();
        wandbDir = runDir.resolve("wandb");
        startNanos = System.nanoTime();
        try {
            Files.createDirectories(wandbDir);
            boolean continuing = run.resumed() && Files.exists(RunState.path(wandbDir));
            state = continuing ? RunState.load(wandbDir) : new RunState(freshRunId(), settings.entity(),
                    settings.project(), settings.baseUrl());
            Path journalPath = Journal.path(wandbDir, state.runId());
            List<JournalEntry> earlier = continuing && Files.exists(journalPath) ? Journal.read(journalPath)
                    : List.of();
            ResumePoint resume = continuing ? ResumePoint.of(earlier, run.startStep()) : ResumePoint.FRESH;
            historyOffset = resume.historyOffset();
            outputOffset = resume.outputOffset();
            lastStep = resume.lastStep();
            runtimeBefore = resume.runtimeBefore();
            state.save(wandbDir);
            journal = Journal.open(journalPath, this::redact);
            active = true;
            boolean online = settings.mode() == WandbMode.ONLINE;
            if (online && settings.apiKey().isEmpty()) {
                warnings.warn("no API key (set WANDB_API_KEY or run `wandb login`); logging offline. " + syncHint());
                online = false;
            }
            if (online && settings.baseUrl().startsWith("http://") && !isLoopback(settings.baseUrl())) {
                warnings.warn("W&B base URL " + settings.baseUrl() + " is plain HTTP: the API key travels"
                        + " unencrypted (use https://)");
            }
            if (online) {
                boolean earlierSent = Journal.syncedEntries(journalPath).orElse(0L) >= earlier.size();
                startSender(resume.kept(), !earlierSent);
            }
            emit(new JournalEntry.Run(runVariables(run)));
            saveConfigFile(run);
            output((continuing ? "resumed" : "started") + " harl run " + run.name() + " (W&B run " + state.runId()
                    + ")" + (continuing ? " at step " + run.startStep() : ""));
            if (!online) {
                warnings.info("offline run " + state.runId() + "; upload it with: " + syncCommand());
            }
        } catch (IOException | RuntimeException e) {
            warnings.warn("cannot set up W&B logging in " + wandbDir + ": " + redact(String.valueOf(e.getMessage()))
                    + "; W&B logging is off for this run");
            active = false;
        }
    }

    private static boolean isLoopback(String url) {
        String host = java.net.URI.create(url).getHost();
        return host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]") || host.equals("::1");
    }

    /**
     * W&B's {@code config.yaml} run file: {@code wandb_version: 1} then each key's {@code {value: ...}} (JSON
     * flow style, which YAML reads).
     */
    private void saveConfigFile(RunInfo run) throws IOException {
        StringBuilder yaml = new StringBuilder("wandb_version: 1\n");
        if (run.config() != null) {
            run.config().forEach((k, v) -> yaml.append(ExtendedJson.write(k)).append(": ")
                    .append(ExtendedJson.write(Map.of("value", ExtendedJson.plain(v)))).append('\n'));
        }
        Path file = wandbDir.resolve("files").resolve("config.yaml");
        org.harl.plugins.trackers.AtomicFiles.write(file, redact(yaml.toString()));
        emit(new JournalEntry.File("config.yaml", runDir.relativize(file).toString().replace('\\', '/')));
    }

    private String freshRunId() {
        String fromEnv = env.get("WANDB_RUN_ID");
        return fromEnv != null && !fromEnv.isBlank() ? RunState.validRunId(fromEnv.trim(), "WANDB_RUN_ID")
                : RunState.newRunId();
    }

    /** Starts streaming; {@code resend}: the earlier session did not reach the server, so send its entries first. */
    private void startSender(List<JournalEntry> kept, boolean resend) {
        http = new WandbHttp(settings.baseUrl(), settings.apiKey(), RetryPolicy.of(config),
                Duration.ofMillis(Math.round(config.httpTimeoutS() * 1000)));
        RunStreamer streamer = new RunStreamer(new WandbApi(http), runDir, warnings, this::targetResolved);
        sender = new WandbSender(streamer, config.maxBuffered(), config.flushIntervalS(), this::senderFailed);
        if (resend) {
            sender.start(kept);
        } else {
            kept.forEach(streamer::absorb);
            sender.start();
        }
    }

    private void targetResolved(RunTarget target) {
        try {
            RunState resolved = state.withEntity(target.entity());
            resolved.save(wandbDir);
            state = resolved;
        } catch (IOException e) {
            warnings.warn("cannot update " + RunState.path(wandbDir) + ": " + e.getMessage());
        }
        warnings.info("run page " + target.pageUrl(settings.baseUrl()));
    }

    private void senderFailed(String reason) {
        warnings.info(redact(reason) + "; the run continues offline. " + syncHint());
    }

    private String syncCommand() {
        return "./harl wandb sync " + runDir;
    }

    private String syncHint() {
        return "Everything is kept in " + (journal != null ? journal.file() : wandbDir) + "; upload it with: "
                + syncCommand();
    }

    private Map<String, Object> runVariables(RunInfo run) {
        Map<String, Object> wrapped = new LinkedHashMap<>();
        if (run.config() != null) {
            run.config().forEach((k, v) -> wrapped.put(k, Map.of("value", ExtendedJson.plain(v))));
        }
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("name", state.runId());
        v.put("project", state.project());
        v.put("entity", state.entity());
        v.put("displayName", settings.displayName());
        v.put("groupName", settings.group());
        v.put("notes", settings.notes());
        v.put("jobType", settings.jobType());
        v.put("tags", settings.tags());
        v.put("config", redact(ExtendedJson.write(wrapped)));
        return v;
    }

    @Override
    public synchronized void log(long step, Map<String, Object> metrics) {
        if (!active) {
            return;
        }
        if (!advanceTo(step)) {
            return;
        }
        metrics.forEach((k, v) -> pending.put(k, ExtendedJson.plain(v)));
    }

    /** Flushes the pending row when the step moves on; false (with a warning) for a step that went backwards. */
    private boolean advanceTo(long step) {
        if (step < pendingStep || (step <= lastStep && step != pendingStep)) {
            warnings.warn("dropped values at step " + step + ": W&B steps must not decrease (last step "
                    + Math.max(pendingStep, lastStep) + ")");
            return false;
        }
        if (step != pendingStep) {
            flushRow();
            pendingStep = step;
        }
        return true;
    }

    private void flushRow() {
        if (pending.isEmpty()) {
            return;
        }
        Map<String, Object> line = new LinkedHashMap<>(pending);
        line.put("_step", pendingStep);
        line.put("_runtime", runtimeBefore + (System.nanoTime() - startNanos) / 1e9);
        line.put("_timestamp", System.currentTimeMillis() / 1000.0);
        emit(new JournalEntry.History(historyOffset++, pendingStep, redact(ExtendedJson.write(line))));
        lastStep = pendingStep;
        pending.clear();
    }

    @Override
    public synchronized void logImage(long step, String key, Path png, String caption) {
        if (!active || !advanceTo(step)) {
            return;
        }
        try {
            ImageFile image = ImageFile.read(png, key, step);
            Path stored = image.store(wandbDir.resolve("files"));
            emit(new JournalEntry.File(image.runFileName(), runDir.relativize(stored).toString().replace('\\', '/')));
            pending.put(key, image.historyValue(caption));
        } catch (IOException e) {
            warnings.warn("cannot log image " + key + ": " + e.getMessage());
        }
    }

    @Override
    public synchronized void summary(Map<String, Object> values) {
        if (!active) {
            return;
        }
        Map<String, Object> plain = new LinkedHashMap<>();
        values.forEach((k, v) -> plain.put(k, ExtendedJson.plain(v)));
        String line = redact(ExtendedJson.write(plain));
        emit(new JournalEntry.Summary(line));
        output("summary " + line);
    }

    @Override
    public synchronized void saveFile(Path file, String kind) {
        if (!active || !"checkpoint".equals(kind) || !config.uploadCheckpoints()) {
            return;
        }
        Path abs = file.toAbsolutePath().normalize();
        Path root = runDir.toAbsolutePath().normalize();
        String local = abs.startsWith(root) ? root.relativize(abs).toString().replace('\\', '/') : abs.toString();
        emit(new JournalEntry.File("checkpoints/" + file.getFileName(), local));
    }

    @Override
    public synchronized void finish(int exitCode) {
        if (!active) {
            return;
        }
        flushRow();
        output(exitCode == 0 ? "finished" : "failed with exit code " + exitCode);
        emit(new JournalEntry.Exit(exitCode));
        if (sender != null) {
            long sessionEntries = journal.size();
            if (sender.awaitCompletion(config.finishTimeoutS())) {
                try {
                    Journal.markSynced(journal.file(), sessionEntries);
                } catch (IOException e) {
                    warnings.warn("cannot mark " + journal.file() + " as synced: " + e.getMessage());
                }
            }
            http.shutdown();
        }
        close();
    }

    private void output(String text) {
        emit(new JournalEntry.Output(outputOffset++, LocalDateTime.now().format(OUTPUT_TIME) + " " + redact(text)));
    }

    private void emit(JournalEntry entry) {
        try {
            journal.append(entry);
        } catch (IOException e) {
            warnings.warn("cannot append to the W&B journal: " + e.getMessage());
        }
        if (sender != null && !sender.failed() && !sender.offer(entry) && !sender.failed()) {
            sender.abandon("the W&B upload fell " + config.maxBuffered() + " entries behind (max_buffered)");
        }
    }

    private String redact(String text) {
        return settings != null && settings.apiKey().isPresent() ? settings.apiKey().get().redact(text) : text;
    }

    /** The W&B run id, once started (null when disabled). */
    public synchronized String runId() {
        return state == null ? null : state.runId();
    }

    @Override
    public synchronized void close() {
        active = false;
        if (journal != null) {
            try {
                journal.close();
            } catch (IOException e) {
                warnings.warn("cannot close the W&B journal: " + e.getMessage());
            }
        }
    }
}
