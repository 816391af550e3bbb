package org.harl.cli.masks;

import jakarta.inject.Inject;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.harl.cli.HarlVersion;
import org.harl.plugins.masks.DrfiConfig;
import org.harl.plugins.masks.DrfiTraining;
import org.harl.plugins.masks.ModelProvenance;
import org.harl.plugins.masks.PrecomputedProposer;
import org.harl.plugins.masks.RegressionForest;
import org.harl.spi.ComponentKind;
import org.harl.spi.data.DatasetSource;
import org.harl.spi.data.ImageFiles;
import org.harl.spi.data.Mask;
import org.harl.spi.data.Sample;
import org.harl.spi.data.Split;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code harl masks train-drfi}: trains DRFI's random forest on a registered dataset's train split and/or an image
 * folder. Label-free by default: every image's regions get pseudo-labels from priors, then {@code --self-train-rounds}
 * rounds relabel them from the previous forest's own masks and retrain. Exact masks (dataset masks, {@code --gt}) are
 * used only with {@code --supervised-exact-masks}, and the written model's provenance then says so. Deterministic for
 * a seed.
 */
@Command(name = "train-drfi", mixinStandardHelpOptions = true,
        description = "Train the DRFI forest from a seed on prior-based pseudo-labels with self-training (label-free).")
public final class TrainDrfiCommand implements Callable<Integer> {

    private final MaskComponents components;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--dataset", description = "registered dataset (default settings), e.g. synthetic_objects")
    List<String> datasets = new ArrayList<>();

    @Option(names = "--dataset-set", paramLabel = "KEY=VALUE",
            description = "dataset setting for every --dataset, e.g. image_size=128 (repeatable)")
    List<String> datasetSettings = new ArrayList<>();

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "drfi setting (levels, reference_pixels) used to compute the training regions")
    List<String> settings = new ArrayList<>();

    @Option(names = "--count", description = "images taken from each dataset's train split (default ${DEFAULT-VALUE})")
    int count = 300;

    @Option(names = "--self-train-rounds", description = "rounds of relabelling regions from the forest's own masks "
            + "and retraining, after the prior-based round (default ${DEFAULT-VALUE})")
    int selfTrainRounds = DEFAULT_SELF_TRAIN_ROUNDS;

    @Option(names = "--keep-rounds", description = "also write each earlier round's forest, as OUT with "
            + "'.roundN' before its extension (for choosing the number of rounds on a tuning seed)")
    boolean keepRounds;

    @Option(names = "--supervised-exact-masks", description = "SUPERVISED: label regions from the datasets' exact "
            + "masks (and --gt); the model's provenance is marked exact_masks and drfi warns when loading it. "
            + "For oracle comparisons only: masks used in experiments must be label-free")
    boolean supervisedExactMasks;

    @Option(names = "--pseudo-fraction", description = "with --supervised-exact-masks: fraction of dataset images whose "
            + "exact mask is ignored and that are pseudo-labelled from priors instead (default 0.3)")
    Double pseudoFraction;

    @Option(names = "--images", description = "folder of images to pseudo-label")
    Path images;

    @Option(names = "--gt", description = "with --supervised-exact-masks: exact masks for --images (same layout, .png)")
    Path gt;

    @Option(names = "--out", required = true, description = "forest file to write (.bin.gz)")
    Path out;

    @Option(names = "--trees", description = "trees (default ${DEFAULT-VALUE})")
    int trees = 50;

    @Option(names = "--depth", description = "maximum tree depth (default ${DEFAULT-VALUE})")
    int depth = 10;

    @Option(names = "--mtry", description = "features tried per split (default ${DEFAULT-VALUE}, as DRFI)")
    int mtry = 15;

    @Option(names = "--max-regions", description = "regions of each class kept per image (default ${DEFAULT-VALUE})")
    int maxRegions = 15;

    @Option(names = "--threads", description = "feature threads (default: available processors)")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--seed", description = "seed (default ${DEFAULT-VALUE})")
    long seed = 1;

    /** Chosen on a tuning dataset seed (docs/results/mask_quality). */
    static final int DEFAULT_SELF_TRAIN_ROUNDS = 4;

    @Inject
    public TrainDrfiCommand(MaskComponents components) {
        this.components = components;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        if (datasets.isEmpty() && images == null) {
            throw new IllegalArgumentException("masks train-drfi: give --dataset NAME and/or --images DIR");
        }
        if (!supervisedExactMasks && (gt != null || pseudoFraction != null)) {
            throw new IllegalArgumentException("masks train-drfi: " + (gt != null ? "--gt" : "--pseudo-fraction")
                    + " trains on exact masks; add --supervised-exact-masks to do so knowingly (the model is then "
                    + "marked supervised)");
        }
        double pseudo = supervisedExactMasks ? (pseudoFraction == null ? 0.3 : pseudoFraction) : 1.0;
        if (!(pseudo >= 0 && pseudo <= 1)) {
            throw new IllegalArgumentException("--pseudo-fraction must be in [0, 1], got " + pseudo);
        }
        if (selfTrainRounds < 0) {
            throw new IllegalArgumentException("--self-train-rounds must be >= 0, got " + selfTrainRounds);
        }
        DrfiConfig drfi = components.bind(ComponentKind.MASK_PROPOSER, "drfi", settings).config(DrfiConfig.class);
        List<Source> sources = new ArrayList<>();
        List<DatasetSource> opened = new ArrayList<>();
        List<String> data = new ArrayList<>();
        RegressionForest forest = null;
        try {
            for (String name : datasets) {
                DatasetSource d = components.dataset(name, datasetSettings, seed);
                opened.add(d);
                data.add(name + (datasetSettings.isEmpty() ? "" : datasetSettings.toString()));
                long n = Math.min(count, d.size(Split.TRAIN));
                if (n == 0) {
                    throw new IllegalArgumentException("dataset '" + name + "' has no train images");
                }
                for (long i = 0; i < n; i++) {
                    long index = i;
                    // every k-th image pseudo-labelled, evenly spread: deterministic, no extra random stream
                    boolean prior = Math.floor((i + 1) * pseudo) > Math.floor(i * pseudo);
                    sources.add(() -> {
                        Sample s = d.get(Split.TRAIN, index);
                        return prior ? new Sample(s.id(), s.image(), Optional.empty(), s.label()) : s;
                    });
                }
            }
            if (images != null) {
                data.add("folder " + images);
                for (Path f : ImageTree.images(images)) {
                    sources.add(() -> folderSample(f));
                }
            }
            DrfiTraining training = null;
            for (int round = 0; round <= selfTrainRounds; round++) {
                training = new DrfiTraining(drfi, maxRegions, seed);
                collect(sources, training, forest, round, o);
                o.printf("round %d: %d foreground and %d background regions (balanced to <= 1.2:1): %d trees, "
                        + "depth %d%n", round, training.positives(), training.negatives(), trees, depth);
                o.flush();
                long t = System.nanoTime();
                forest = training.train(trees, depth, mtry, seed);
                o.printf("round %d trained in %.1f s%n", round, (System.nanoTime() - t) / 1e9);
                if (keepRounds && round < selfTrainRounds) {
                    write(forest.withProvenance(provenance(training, data, round)), roundFile(round), o);
                }
            }
            forest = forest.withProvenance(provenance(training, data, selfTrainRounds));
        } finally {
            for (DatasetSource d : opened) {
                d.close();
            }
        }
        write(forest, out, o);
        return 0;
    }

    private Path roundFile(int round) {
        String name = out.getFileName().toString();
        int dot = name.indexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        return out.resolveSibling(stem + ".round" + round + (dot > 0 ? name.substring(dot) : ""));
    }

    private static void write(RegressionForest forest, Path file, PrintWriter o) throws java.io.IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        try (OutputStream s = Files.newOutputStream(file)) {
            forest.write(s);
        }
        o.printf("%d trees, %d nodes; wrote %s (%d bytes)%n", forest.trees(), forest.nodes(), file, Files.size(file));
        o.print(forest.provenance().describe());
        String warning = forest.provenance().loadWarning(file.toString());
        if (warning != null) {
            o.println("WARNING: " + warning);
        }
        o.flush();
    }

    /**
     * Adds every source's regions: exact masks where a sample carries one (only with --supervised-exact-masks),
     * else prior pseudo-labels in round 0 and the previous forest's own masks in later rounds.
     */
    private void collect(List<Source> sources, DrfiTraining training, RegressionForest previous, int round,
            PrintWriter o) throws Exception {
        List<String> failed = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName("round " + round).setInitialMax(sources.size())
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).build()) {
            List<Future<?>> jobs = new ArrayList<>();
            for (int k = 0; k < sources.size(); k++) {
                Source s = sources.get(k);
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
                    } finally {
                        bar.step();
                    }
                }));
            }
            for (Future<?> j : jobs) {
                j.get();
            }
        } finally {
            pool.shutdown();
        }
        failed.forEach(f -> o.println("skipped " + f));
    }

    private ModelProvenance provenance(DrfiTraining training, List<String> data, int rounds) throws Exception {
        boolean exact = training.supervisedImages() > 0;
        String supervision = exact ? training.supervisedImages() + " of " + training.images()
                + " images labelled from exact masks" : "pseudo-labels from priors";
        String harl = new HarlVersion().getVersion()[0].replaceFirst("^harl ", "");
        List<String> args = spec.commandLine().getParseResult().originalArgs();
        return new ModelProvenance(String.join("; ", data) + " (" + supervision + ", " + rounds
                + " self-training rounds)", images != null && datasets.isEmpty() ? "folder" : "train", seed,
                training.images(), exact ? ModelProvenance.Supervision.EXACT_MASKS
                        : ModelProvenance.Supervision.PSEUDO_LABELS,
                "harl " + String.join(" ", args),
                DateTimeFormatter.ISO_INSTANT.format(Instant.now().truncatedTo(ChronoUnit.SECONDS)), harl);
    }

    private Sample folderSample(Path f) throws java.io.IOException {
        String id = ImageTree.id(images, f);
        Optional<Mask> truth = Optional.empty();
        if (gt != null) {
            Path g = PrecomputedProposer.maskPath(gt, id);
            if (Files.exists(g)) {
                truth = Optional.of(ImageFiles.readMask(g));
            }
        }
        return new Sample(id, ImageFiles.readImage(f), truth, -1);
    }

    private interface Source {
        Sample get() throws Exception;
    }
}
