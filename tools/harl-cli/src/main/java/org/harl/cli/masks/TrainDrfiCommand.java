package org.harl.cli.masks;

import jakarta.inject.Inject;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.harl.plugins.masks.DrfiConfig;
import org.harl.plugins.masks.DrfiTraining;
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
 * {@code harl masks train-drfi}: trains DRFI's random forest without human labels, on a registered dataset's train
 * split (exact masks where it has them, e.g. synthetic_objects, except a {@code --pseudo-fraction} of images
 * pseudo-labelled from priors; datasets without masks are all pseudo-labelled) and/or an image folder (pseudo-labels,
 * or exact masks from {@code --gt}). Deterministic for a seed.
 */
@Command(name = "train-drfi", mixinStandardHelpOptions = true,
        description = "Train the DRFI forest from a seed on synthetic masks and prior-based pseudo-labels.")
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

    @Option(names = "--pseudo-fraction", description = "fraction of dataset images whose exact mask is ignored and "
            + "that are pseudo-labelled from priors instead (default ${DEFAULT-VALUE})")
    double pseudoFraction = 0.3;

    @Option(names = "--images", description = "folder of images to pseudo-label (or to label from --gt)")
    Path images;

    @Option(names = "--gt", description = "exact masks for --images (same layout, .png)")
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
        if (!(pseudoFraction >= 0 && pseudoFraction <= 1)) {
            throw new IllegalArgumentException("--pseudo-fraction must be in [0, 1], got " + pseudoFraction);
        }
        DrfiConfig drfi = components.bind(ComponentKind.MASK_PROPOSER, "drfi", settings).config(DrfiConfig.class);
        List<Source> sources = new ArrayList<>();
        List<DatasetSource> opened = new ArrayList<>();
        for (String name : datasets) {
            DatasetSource d = components.dataset(name, datasetSettings, seed);
            opened.add(d);
            long n = Math.min(count, d.size(Split.TRAIN));
            if (n == 0) {
                throw new IllegalArgumentException("dataset '" + name + "' has no train images");
            }
            for (long i = 0; i < n; i++) {
                long index = i;
                // every k-th image pseudo-labelled, evenly spread: deterministic, no extra random stream
                boolean pseudo = Math.floor((i + 1) * pseudoFraction) > Math.floor(i * pseudoFraction);
                sources.add(() -> {
                    Sample s = d.get(Split.TRAIN, index);
                    return pseudo ? new Sample(s.id(), s.image(), Optional.empty(), s.label()) : s;
                });
            }
        }
        if (images != null) {
            for (Path f : ImageTree.images(images)) {
                sources.add(() -> folderSample(f));
            }
        }
        DrfiTraining training = new DrfiTraining(drfi, maxRegions, seed);
        List<String> failed = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName("regions").setInitialMax(sources.size())
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).build()) {
            List<Future<?>> jobs = new ArrayList<>();
            for (int k = 0; k < sources.size(); k++) {
                Source s = sources.get(k);
                long key = k;
                jobs.add(pool.submit(() -> {
                    try {
                        Sample sample = s.get();
                        training.add(key, sample.image(), sample.groundTruth());
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
            for (DatasetSource d : opened) {
                d.close();
            }
        }
        failed.forEach(f -> o.println("skipped " + f));
        o.printf("training on %d foreground and %d background regions (balanced to <= 1.2:1): %d trees, depth %d%n",
                training.positives(), training.negatives(), trees, depth);
        o.flush();
        long t = System.nanoTime();
        RegressionForest forest = training.train(trees, depth, mtry, seed);
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        try (OutputStream s = Files.newOutputStream(out)) {
            forest.write(s);
        }
        o.printf("trained in %.1f s: %d trees, %d nodes; wrote %s (%d bytes)%n", (System.nanoTime() - t) / 1e9,
                forest.trees(), forest.nodes(), out, Files.size(out));
        return 0;
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
