package org.harl.plugins.masks;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.harl.spi.data.Sample;
import org.harl.spi.mask.ImageMaskTrainer;

/**
 * The {@code drfi} forest's trainer (found through ServiceLoader by {@code harl masks train-drfi}): a prior-based
 * round, then {@code selfTrainRounds} rounds that relabel regions from the previous forest's own masks and retrain.
 * Samples are read and featurised on a thread pool; the forest does not depend on scheduling ({@link DrfiTraining}
 * orders images by index), so training is deterministic for a seed.
 */
public final class DrfiForestTrainer implements ImageMaskTrainer {

    /** The numeric settings a request must carry. */
    static final Set<String> SETTINGS = Set.of("trees", "depth", "mtry", "max_regions");

    @Override
    public String proposer() {
        return DrfiProposer.FACTORY.name();
    }

    @Override
    public Trained train(Request request, Listener listener) throws Exception {
        if (!(request.proposerConfig() instanceof DrfiConfig drfi)) {
            throw new IllegalArgumentException("drfi training needs a DrfiConfig, got "
                    + request.proposerConfig().getClass().getSimpleName());
        }
        if (!request.settings().keySet().equals(SETTINGS)) {
            Set<String> unknown = new TreeSet<>(request.settings().keySet());
            unknown.removeAll(SETTINGS);
            Set<String> missing = new TreeSet<>(SETTINGS);
            missing.removeAll(request.settings().keySet());
            throw new IllegalArgumentException("drfi training settings: " + (unknown.isEmpty() ? ""
                    : "unknown " + unknown + " ") + (missing.isEmpty() ? "" : "missing " + missing)
                    + " (expected " + new TreeSet<>(SETTINGS) + ")");
        }
        int trees = setting(request.settings(), "trees");
        int depth = setting(request.settings(), "depth");
        int mtry = setting(request.settings(), "mtry");
        int maxRegions = setting(request.settings(), "max_regions");
        List<Path> written = new ArrayList<>();
        DrfiTraining training = null;
        RegressionForest forest = null;
        for (int round = 0; round <= request.selfTrainRounds(); round++) {
            training = new DrfiTraining(drfi, maxRegions, request.seed());
            collect(request, training, forest, round, listener);
            listener.line(String.format(Locale.ROOT, "round %d: %d foreground and %d background regions (balanced to "
                    + "<= 1.2:1): %d trees, depth %d", round, training.positives(), training.negatives(), trees,
                    depth));
            long t = System.nanoTime();
            forest = training.train(trees, depth, mtry, request.seed());
            listener.line(String.format(Locale.ROOT, "round %d trained in %.1f s", round,
                    (System.nanoTime() - t) / 1e9));
            if (request.keepRounds() && round < request.selfTrainRounds()) {
                Path file = roundFile(request.out(), round);
                write(forest.withProvenance(provenance(request, training, round)), file, listener);
                written.add(file);
            }
        }
        forest = forest.withProvenance(provenance(request, training, request.selfTrainRounds()));
        write(forest, request.out(), listener);
        written.add(request.out());
        return new Trained(written, training.supervisedImages() > 0);
    }

    private static int setting(Map<String, Number> settings, String key) {
        Number v = settings.get(key);
        if (v.doubleValue() < 1 || v.doubleValue() != Math.rint(v.doubleValue())) {
            throw new IllegalArgumentException("drfi training setting '" + key + "' must be a whole number >= 1, got "
                    + v);
        }
        return v.intValue();
    }

    /**
     * Adds every sample's regions: exact masks where a sample carries one, else prior pseudo-labels in round 0 and
     * the previous forest's own masks in later rounds. A sample that cannot be read is skipped and reported.
     */
    private static void collect(Request request, DrfiTraining training, RegressionForest previous, int round,
            Listener listener) throws Exception {
        List<SampleSource> sources = request.samples();
        List<String> failed = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, request.threads()));
        listener.started("round " + round, sources.size());
        try {
            List<Future<?>> jobs = new ArrayList<>();
            for (int k = 0; k < sources.size(); k++) {
                SampleSource s = sources.get(k);
                long key = k;
                jobs.add(pool.submit(() -> {
                    try {
                        Sample sample = s.get();
                        if (previous == null || sample.groundTruth().isPresent()) {
                            training.add(key, sample.image(), sample.groundTruth());
                        } else {
                            training.addSelfLabelled(key, sample.image(), previous);
                        }
                    } catch (Exception e) {
                        synchronized (failed) {
                            failed.add(e.getMessage());
                        }
                    }
                }));
            }
            long done = 0;
            for (Future<?> j : jobs) {
                j.get();
                listener.advanced(++done, sources.size());
            }
        } finally {
            pool.shutdown();
            listener.finished();
        }
        failed.forEach(f -> listener.line("skipped " + f));
    }

    private static ModelProvenance provenance(Request request, DrfiTraining training, int rounds) {
        boolean exact = training.supervisedImages() > 0;
        String supervision = exact ? training.supervisedImages() + " of " + training.images()
                + " images labelled from exact masks" : "pseudo-labels from priors";
        Origin origin = request.origin();
        return new ModelProvenance(origin.data() + " (" + supervision + ", " + rounds + " self-training rounds)",
                origin.split(), request.seed(), training.images(),
                exact ? ModelProvenance.Supervision.EXACT_MASKS : ModelProvenance.Supervision.PSEUDO_LABELS,
                origin.command(), DateTimeFormatter.ISO_INSTANT.format(Instant.now().truncatedTo(ChronoUnit.SECONDS)),
                origin.harlVersion());
    }

    /** {@code forest.bin.gz} -> {@code forest.round0.bin.gz}. */
    static Path roundFile(Path out, int round) {
        String name = out.getFileName().toString();
        int dot = name.indexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        return out.resolveSibling(stem + ".round" + round + (dot > 0 ? name.substring(dot) : ""));
    }

    private static void write(RegressionForest forest, Path file, Listener listener) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        try (OutputStream s = Files.newOutputStream(file)) {
            forest.write(s);
        }
        listener.line(String.format(Locale.ROOT, "%d trees, %d nodes; wrote %s (%d bytes)", forest.trees(),
                forest.nodes(), file, Files.size(file)));
        forest.provenance().describe().lines().forEach(listener::line);
        String warning = forest.provenance().loadWarning(file.toString());
        if (warning != null) {
            listener.line("WARNING: " + warning);
        }
    }
}
