package org.harl.core.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.harl.core.config.ExperimentConfig;
import org.harl.core.config.ResolvedConfig;
import org.harl.core.eval.SummaryFile;
import org.harl.core.train.Checkpoints;
import org.yaml.snakeyaml.Yaml;

/**
 * Lets ablations share runs: the base setting of one ablation is often exactly a setting of another (the
 * pooling ablation's {@code mean} is the mask-type ablation's {@code ground_truth}). A completed run found under a
 * source directory whose resolved config equals a planned run's, up to the run name, is copied into the planned
 * run's directory instead of being trained again. Training is deterministic given the config (seeds come from it,
 * never from the name), so the copy is the run the sweep would have produced.
 */
public final class RunReuse {

    /** The summary key naming the directory a reused run was copied from. */
    public static final String REUSED_FROM = "reused_from";

    /** The completed runs under the sources, by resolved config without the name; the first in path order wins. */
    private final Map<Map<String, Object>, Path> completed = new LinkedHashMap<>();

    /** Indexes the completed runs under {@code sources} once, so that each lookup is a map access. */
    public RunReuse(List<Path> sources, Predicate<Path> hasCheckpoint) {
        for (Path source : sources) {
            if (!Files.isDirectory(source)) {
                throw new IllegalArgumentException("--reuse-from: " + source + " is not a directory");
            }
            try (Stream<Path> files = Files.find(source, 4,
                    (p, a) -> a.isRegularFile() && p.getFileName().toString().equals(ResolvedConfig.FILE_NAME))) {
                files.map(Path::getParent).sorted()
                        .filter(dir -> RunState.of(dir, hasCheckpoint) == RunState.COMPLETE)
                        .forEach(dir -> completed.putIfAbsent(withoutName(read(dir.resolve(ResolvedConfig.FILE_NAME))),
                                dir));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot search " + source + ": " + e.getMessage(), e);
            }
        }
    }

    /** A completed run under the sources trained with {@code planned}'s config (its name aside), if any. */
    public Optional<Path> find(ExperimentConfig planned) {
        // through YAML text on both sides, so that numbers and lists compare as the files hold them
        return Optional.ofNullable(completed.get(withoutName(ResolvedConfig.toYaml(planned.resolved()))));
    }

    /**
     * Copies run {@code from} into the new directory {@code to}: every file, then the planned config (so the sweep
     * recognises the run as its own) and {@code reused_from} in the summary.
     */
    public static void copy(Path from, Path to, ExperimentConfig planned) {
        if (Files.exists(to)) {
            throw new IllegalStateException("cannot reuse " + from + ": " + to + " already exists");
        }
        try (Stream<Path> tree = Files.walk(from)) {
            for (Path p : (Iterable<Path>) tree::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
            ResolvedConfig.write(planned, to);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + from + " to " + to + ": " + e.getMessage(), e);
        }
        Map<String, Object> summary = SummaryFile.read(to);
        Map<String, Object> note = new LinkedHashMap<>();
        note.put(REUSED_FROM, from.toString());
        // a run trained by `harl run` has no epochs key (the sweep adds it); the results table shows it
        if (!summary.containsKey(SummaryFile.EPOCHS)) {
            note.put(SummaryFile.EPOCHS, planned.training().epochs());
        }
        // the summary names the final checkpoint by a path that may be relative to wherever training ran
        Object checkpoint = summary.get("checkpoint");
        if (checkpoint instanceof String c) {
            Path copied = new Checkpoints(to).directory().resolve(Path.of(c).getFileName().toString());
            if (Files.isRegularFile(copied)) {
                note.put("checkpoint", copied.toString());
            }
        }
        SummaryFile.merge(to, note);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> withoutName(String yaml) {
        Map<String, Object> map = new LinkedHashMap<>();
        if (new Yaml().load(yaml) instanceof Map<?, ?> tree) {
            tree.forEach((k, v) -> map.put(String.valueOf(k), v));
        }
        map.remove("name");
        return map;
    }
}
