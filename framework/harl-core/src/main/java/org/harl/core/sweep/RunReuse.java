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
import org.harl.core.run.RunDirectory;

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
                    (p, a) -> a.isRegularFile() && p.getFileName().toString().equals(RunDirectory.CONFIG))) {
                files.map(Path::getParent).sorted()
                        .filter(dir -> RunProgress.of(dir, hasCheckpoint) == RunProgress.COMPLETE)
                        .forEach(dir -> completed.putIfAbsent(
                                withoutName(new RunDirectory(dir).readConfigTree()), dir));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot search " + source + ": " + e.getMessage(), e);
            }
        }
    }

    /** A completed run under the sources trained with {@code planned}'s config (its name aside), if any. */
    public Optional<Path> find(ExperimentConfig planned) {
        // through YAML text and the same reader on both sides, so that numbers and lists compare as files hold them
        Map<String, Object> tree = RunDirectory.plainTree(ResolvedConfig.toYaml(planned.resolved()),
                "resolved config of " + planned.name());
        return Optional.ofNullable(completed.get(withoutName(tree)));
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
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + from + " to " + to + ": " + e.getMessage(), e);
        }
        RunDirectory copy = new RunDirectory(to);
        copy.writeConfig(planned);
        Map<String, Object> summary = copy.summary();
        Map<String, Object> note = new LinkedHashMap<>();
        note.put(REUSED_FROM, from.toString());
        // a run trained by `harl run` has no epochs key (the sweep adds it); the results table shows it
        if (!summary.containsKey(RunDirectory.EPOCHS)) {
            note.put(RunDirectory.EPOCHS, planned.training().epochs());
        }
        // the summary names the final checkpoint by a path that may be relative to wherever training ran
        Object checkpoint = summary.get("checkpoint");
        if (checkpoint instanceof String c) {
            Path copied = copy.checkpoints().resolve(Path.of(c).getFileName().toString());
            if (Files.isRegularFile(copied)) {
                note.put("checkpoint", copied.toString());
            }
        }
        copy.mergeSummary(note);
    }

    private static Map<String, Object> withoutName(Map<String, Object> tree) {
        Map<String, Object> map = new LinkedHashMap<>(tree);
        map.remove("name");
        return map;
    }
}
