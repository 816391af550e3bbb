package org.harl.core.run;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.harl.core.config.ConfigErrors;
import org.harl.core.config.ConfigNode;
import org.harl.core.config.ExperimentConfig;
import org.harl.core.config.ResolvedConfig;
import org.harl.core.config.YamlReader;

/**
 * The one owner of a run's directory: its path ({@code runsRoot/<experiment name>}), the resolved
 * {@code config.yaml} (written, read and compared here only), the {@code checkpoints} folder and
 * {@code summary.json} (the run's results by name, merged atomically). Trackers keep their own files beside these.
 */
public final class RunDirectory {

    public static final String CONFIG = ResolvedConfig.FILE_NAME;
    public static final String SUMMARY = "summary.json";
    public static final String CHECKPOINTS = "checkpoints";

    /** The summary key a finished training run sets to {@code true}; interrupted runs do not have it. */
    public static final String COMPLETED = "completed";

    /** The number of training epochs, recorded for results tables. */
    public static final String EPOCHS = "epochs";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    // merges read, change and replace the file: one at a time across the runs of a parallel sweep
    private static final Object SUMMARY_LOCK = new Object();

    private final Path path;

    public RunDirectory(Path path) {
        this.path = path;
    }

    /** The directory of {@code experiment} under {@code runsRoot}. */
    public static RunDirectory of(Path runsRoot, ExperimentConfig experiment) {
        return new RunDirectory(runsRoot.resolve(experiment.name()));
    }

    /** The directory a run with {@code options} goes to. */
    public static RunDirectory of(ExperimentConfig experiment, RunOptions options) {
        return of(options.runsRoot(), experiment);
    }

    public Path path() {
        return path;
    }

    public Path configFile() {
        return path.resolve(CONFIG);
    }

    public Path checkpoints() {
        return path.resolve(CHECKPOINTS);
    }

    public Path summaryFile() {
        return path.resolve(SUMMARY);
    }

    public boolean exists() {
        return Files.isDirectory(path);
    }

    public boolean hasConfig() {
        return Files.isRegularFile(configFile());
    }

    /** Writes the resolved config of {@code experiment} as {@code config.yaml} (the directory is created). */
    public void writeConfig(ExperimentConfig experiment) {
        try {
            ResolvedConfig.write(experiment, path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + configFile() + ": " + e.getMessage(), e);
        }
    }

    /** Whether {@code config.yaml} exists and is the resolved config of {@code experiment}, as text. */
    public boolean hasConfigOf(ExperimentConfig experiment) {
        return hasConfig() && configText().equals(ResolvedConfig.toYaml(experiment.resolved()));
    }

    /**
     * Before a run starts: a new run writes {@code config.yaml}; a resumed run must find the same resolved config
     * (or none, then it is written).
     */
    public void writeOrCheckConfig(ExperimentConfig experiment, boolean resume) {
        if (resume && hasConfig()) {
            if (!hasConfigOf(experiment)) {
                throw new IllegalStateException("cannot resume " + path + ": its " + CONFIG
                        + " differs from the resolved config of " + experiment.source()
                        + "; revert the change or start a run with another name");
            }
            return;
        }
        writeConfig(experiment);
    }

    /**
     * {@code config.yaml} as a plain tree, read with the config loader's safe YAML (no tags, no duplicate keys);
     * a malformed file is a {@link org.harl.core.config.ConfigException} naming it.
     */
    public Map<String, Object> readConfigTree() {
        return plainTree(configText(), configFile().toString());
    }

    /** A resolved config's YAML text as a plain tree, read the way {@link #readConfigTree()} reads the file. */
    public static Map<String, Object> plainTree(String yaml, String display) {
        ConfigErrors errors = new ConfigErrors();
        ConfigNode root = YamlReader.read(yaml, display, errors);
        if (root != null && !(root instanceof ConfigNode.MapNode)) {
            errors.add(root.origin(), "", "the top level must be a mapping of keys");
        }
        errors.throwIfAny();
        return root == null ? new LinkedHashMap<>() : ((ConfigNode.MapNode) root).toPlain();
    }

    private String configText() {
        try {
            return Files.readString(configFile(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + configFile() + ": " + e.getMessage(), e);
        }
    }

    /** The summary, empty when the file does not exist. */
    public Map<String, Object> summary() {
        Path file = summaryFile();
        if (!Files.isRegularFile(file)) {
            return new LinkedHashMap<>();
        }
        try {
            return JSON.readValue(file.toFile(), new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": not a readable JSON object: " + e.getMessage(), e);
        }
    }

    /** Adds (or replaces) summary keys, keeping the others; written to a temporary file, then moved into place. */
    public Map<String, Object> mergeSummary(Map<String, ?> values) {
        synchronized (SUMMARY_LOCK) {
            Map<String, Object> summary = summary();
            summary.putAll(values);
            JsonFiles.writeAtomically(JSON, summaryFile(), summary);
            return summary;
        }
    }

    /** Drops the summary of an earlier attempt (a new run in a directory that holds no checkpoint). */
    public void clearSummary() {
        try {
            Files.deleteIfExists(summaryFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + summaryFile() + ": " + e.getMessage(), e);
        }
    }

    /** Whether the summary marks the run as having finished all planned steps. */
    public boolean isCompleted() {
        return isCompleted(summary());
    }

    public static boolean isCompleted(Map<String, Object> summary) {
        return Boolean.TRUE.equals(summary.get(COMPLETED));
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
