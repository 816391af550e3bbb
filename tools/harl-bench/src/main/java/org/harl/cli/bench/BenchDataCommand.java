package org.harl.cli.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.harl.cli.data.DatasetExporter;
import org.harl.plugins.augmentations.ByolAugmentation;
import org.harl.plugins.augmentations.ByolAugmentationConfig;
import org.harl.plugins.augmentations.CropStyle;
import org.harl.plugins.datasets.folder.ImageFolder;
import org.harl.plugins.datasets.folder.ImageFolderConfig;
import org.harl.plugins.datasets.folder.MissingMaskPolicy;
import org.harl.plugins.datasets.folder.UnreadablePolicy;
import org.harl.plugins.datasets.synthetic.SyntheticObjects;
import org.harl.plugins.datasets.synthetic.SyntheticObjectsConfig;
import org.harl.spi.augment.Augmentation;
import org.harl.spi.data.DatasetSource;
import org.harl.spi.data.Split;
import org.harl.spi.mask.MaskProposer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code harl bench data}: decoded + augmented images per second of the training pipeline (two BYOL views per
 * image) for synthetic_objects at 32 and 224 px and for image_folder on JPEGs at 224 px, without masks (BYOL) and
 * with exact masks carried through the augmentation (HARL).
 */
@Command(name = "data", mixinStandardHelpOptions = true,
        description = "Images/s of the data pipeline (decode + two augmented views) for synthetic and JPEG data.")
public final class BenchDataCommand implements Callable<Integer> {

    @Option(names = "--seconds", defaultValue = "5", description = "measuring time per case (default ${DEFAULT-VALUE})")
    double seconds;

    @Option(names = "--workers", description = "loader threads (default: number of cores)")
    Integer workers;

    @Option(names = "--batch-size", defaultValue = "64", description = "images per batch (default ${DEFAULT-VALUE})")
    int batchSize;

    @Option(names = "--jpegs", defaultValue = "256",
            description = "JPEGs exported for the image_folder case (default ${DEFAULT-VALUE})")
    int jpegs;

    @Spec
    CommandSpec spec;

    private PrintWriter out;

    @Override
    public Integer call() throws IOException {
        out = spec.commandLine().getOut();
        int threads = workers != null ? workers : Runtime.getRuntime().availableProcessors();
        MaskProposer exact = s -> s.groundTruth().orElseThrow();
        List<DataBenchmark.Result> results = new ArrayList<>();
        // discarded pass: JIT compilation of the shared generation/augmentation code would otherwise be billed
        // to whichever case runs first
        run("warm-up", new SyntheticObjects(synthetic(64, 20000)), Optional.of(exact), 64, threads);
        for (int side : new int[] {32, 224}) {
            DatasetSource synthetic = new SyntheticObjects(synthetic(side, 20000));
            results.add(run("synthetic_objects", synthetic, Optional.empty(), side, threads));
            results.add(run("synthetic_objects + masks", synthetic, Optional.of(exact), side, threads));
        }
        Path dir = Files.createTempDirectory("harl-bench-jpeg");
        try {
            out.printf("exporting %d synthetic 224 px images as JPEG to %s%n", jpegs, dir);
            new DatasetExporter(out).export(new SyntheticObjects(synthetic(224, jpegs)), Split.TRAIN, 0, dir, "jpg",
                    threads);
            ImageFolder folder = new ImageFolder(new ImageFolderConfig(dir.resolve("images").toString(), "", 0, 0,
                    dir.resolve("masks").toString(), "", MissingMaskPolicy.ERROR, UnreadablePolicy.ERROR, ""),
                    Path::of, dir.resolve("index-cache"));
            results.add(run("image_folder (JPEG)", folder, Optional.empty(), 224, threads));
            results.add(run("image_folder (JPEG) + masks", folder, Optional.of(exact), 224, threads));
        } finally {
            deleteTree(dir);
        }
        out.println();
        out.printf("%-30s %5s %8s %10s %15s%n", "case", "side", "workers", "images/s", "images/cpu-s");
        for (DataBenchmark.Result r : results) {
            out.printf("%-30s %5d %8d %10.1f %15.1f%n", r.name(), r.side(), r.workers(), r.imagesPerSecond(),
                    r.perCore());
        }
        out.println("images/cpu-s = images per CPU-second of this process: what one free core sustains; on a "
                + "shared machine images/s understates the pipeline");
        out.println("each image = decode/generate + two augmented views; compare with `harl bench train`, which "
                + "reports the images/s the trainer consumes");
        out.flush();
        return 0;
    }

    private DataBenchmark.Result run(String name, DatasetSource ds, Optional<MaskProposer> masks, int side,
                                     int threads) {
        out.printf("measuring %s at %d px for %.0f s...%n", name, side, seconds);
        out.flush();
        return DataBenchmark.measure(name, ds, masks, augmentation(side), Math.min(batchSize,
                (int) ds.size(Split.TRAIN)), threads, seconds);
    }

    static SyntheticObjectsConfig synthetic(int side, int trainSize) {
        SyntheticObjectsConfig d = SyntheticObjectsConfig.defaults();
        return new SyntheticObjectsConfig(d.classes(), side, trainSize, 0, d.seed(), d.minScale(), d.maxScale(),
                d.paletteJitter(), d.maxDistractors(), d.distractorSize(), d.clutter());
    }

    static Augmentation augmentation(int side) {
        ByolAugmentationConfig d = ByolAugmentationConfig.defaults();
        return new ByolAugmentation(new ByolAugmentationConfig(side, d.cropScale(), d.cropRatio(), CropStyle.RANDOM,
                d.maskBoxesTries(), d.maskBoxesMinForeground(), d.hflipP(), d.vflipP(), d.jitterP(), d.brightness(),
                d.contrast(), d.saturation(), d.hue(), d.grayscaleP(), d.blurP(), d.blurSigma(), d.solarizeP(),
                d.solarizeThreshold(), d.mean(), d.std(), d.evalCropFraction()));
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
