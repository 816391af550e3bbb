package org.harl.cli.masks;

import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import org.harl.cli.HarlVersion;
import org.harl.cli.ProgressBarListener;
import org.harl.spi.ComponentKind;
import org.harl.spi.data.DatasetSource;
import org.harl.spi.data.ImageFiles;
import org.harl.spi.data.Mask;
import org.harl.spi.data.MaskLayout;
import org.harl.spi.data.Sample;
import org.harl.spi.data.Split;
import org.harl.spi.mask.ImageMaskTrainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code harl masks train-drfi}: trains DRFI's random forest on a registered dataset's train split and/or an image
 * folder. Label-free by default: every image's regions get pseudo-labels from priors, then {@code --self-train-rounds}
 * rounds relabel them from the previous forest's own masks and retrain. Exact masks (dataset masks, {@code --gt}) are
 * used only with {@code --supervised-exact-masks}, and the written model's provenance then says so. Deterministic for
 * a seed. The training itself is the drfi plugin's {@link ImageMaskTrainer}; this command gathers the images.
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

    private static final String PROPOSER = "drfi";

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
        ImageMaskTrainer trainer = ServiceLoader.load(ImageMaskTrainer.class).stream().map(ServiceLoader.Provider::get)
                .filter(t -> t.proposer().equals(PROPOSER)).findFirst().orElseThrow(() -> new IllegalStateException(
                        "no installed plugin trains mask proposer '" + PROPOSER + "' (ImageMaskTrainer)"));
        Record drfi = components.bind(ComponentKind.MASK_PROPOSER, PROPOSER, settings).config();
        List<ImageMaskTrainer.SampleSource> sources = new ArrayList<>();
        List<DatasetSource> opened = new ArrayList<>();
        List<String> data = new ArrayList<>();
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
            String harl = new HarlVersion().getVersion()[0].replaceFirst("^harl ", "");
            ImageMaskTrainer.Origin origin = new ImageMaskTrainer.Origin(String.join("; ", data),
                    images != null && datasets.isEmpty() ? "folder" : "train",
                    "harl " + String.join(" ", spec.commandLine().getParseResult().originalArgs()), harl);
            trainer.train(new ImageMaskTrainer.Request(drfi, sources, Map.of("trees", trees, "depth", depth, "mtry",
                    mtry, "max_regions", maxRegions), selfTrainRounds, keepRounds, threads, seed, out, origin),
                    new Listener(o));
        } finally {
            for (DatasetSource d : opened) {
                d.close();
            }
        }
        return 0;
    }

    /** Progress bar on standard error; report lines on standard output. */
    private static final class Listener implements ImageMaskTrainer.Listener {
        private final PrintWriter out;
        private final ProgressBarListener bar = new ProgressBarListener();

        Listener(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void started(String task, long total) {
            bar.started(task, total);
        }

        @Override
        public void advanced(long done, long total) {
            bar.advanced(done, total, 0);
        }

        @Override
        public void finished() {
            bar.finished();
        }

        @Override
        public void line(String text) {
            out.println(text);
            out.flush();
        }
    }

    private Sample folderSample(Path f) throws java.io.IOException {
        String id = ImageTree.id(images, f);
        Optional<Mask> truth = Optional.empty();
        if (gt != null) {
            Path g = MaskLayout.path(gt, id);
            if (Files.exists(g)) {
                truth = Optional.of(ImageFiles.readMask(g));
            }
        }
        return new Sample(id, ImageFiles.readImage(f), truth, -1);
    }
}
