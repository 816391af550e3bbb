package org.harl.cli.masks;

import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.harl.core.masks.MaskMetrics;
import org.harl.spi.data.DatasetSource;
import org.harl.spi.data.ImageFiles;
import org.harl.spi.data.Mask;
import org.harl.spi.mask.MaskProposer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code harl masks eval}: IoU, F-β (max and adaptive, β² = 0.3) and MAE of predicted masks or maps. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Score predicted masks (or saliency maps) against exact masks with the same relative paths.")
public final class EvalCommand implements Callable<Integer> {

    private final MaskComponents components;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--pred", description = "predicted masks/maps (PNG)")
    Path pred;

    @Option(names = "--gt", description = "exact masks (PNG)")
    Path gt;

    @Option(names = "--dataset", description = "instead of folders: a registered dataset with exact masks (test split)")
    String dataset;

    @Option(names = "--dataset-set", paramLabel = "KEY=VALUE", description = "dataset setting, e.g. seed=7 (repeatable)")
    List<String> datasetSettings = new ArrayList<>();

    @Option(names = "--proposer", description = "with --dataset: the mask proposer to score")
    String proposer;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "proposer setting (repeatable)")
    List<String> settings = new ArrayList<>();

    @Option(names = "--count", description = "with --dataset: test images scored (default ${DEFAULT-VALUE})")
    int count = 500;

    @Option(names = "--threads", description = "with --dataset: worker threads (default: available processors)")
    int threads = Runtime.getRuntime().availableProcessors();

    @Inject
    public EvalCommand(MaskComponents components) {
        this.components = components;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (dataset != null || proposer != null) {
            if (dataset == null || proposer == null || pred != null || gt != null) {
                throw new IllegalArgumentException("masks eval: give either --pred and --gt, or --dataset and --proposer");
            }
            try (DatasetSource data = components.dataset(dataset, datasetSettings, 1);
                    MaskProposer p = components.proposer(proposer, settings, 1)) {
                if (!data.providesMasks()) {
                    throw new IllegalArgumentException("dataset '" + dataset + "' has no exact masks to score against");
                }
                MaskMetrics.Summary s = DatasetEvaluation.run(data, p, proposer, count, threads);
                out.printf("%s on %s (test split)%n", proposer, dataset);
                // which model made these numbers, and whether it saw exact masks
                p.modelProvenance().ifPresent(text -> out.print(text.replaceAll("(?m)^", "model ")));
                print(s, out);
                out.flush();
                return 0;
            }
        }
        if (pred == null || gt == null) {
            throw new IllegalArgumentException("masks eval: give either --pred and --gt, or --dataset and --proposer");
        }
        List<Path> truths = ImageTree.images(gt);
        if (!Files.isDirectory(pred)) {
            throw new IllegalArgumentException(pred + " is not a folder");
        }
        MaskMetrics metrics = new MaskMetrics();
        List<String> missing = new ArrayList<>();
        List<String> bad = new ArrayList<>();
        for (Path g : truths) {
            String rel = ImageTree.id(gt, g);
            Path p = pred.resolve(rel.replaceAll("\\.(jpe?g|JPE?G)$", ".png"));
            if (!Files.exists(p)) {
                missing.add(rel);
                continue;
            }
            try {
                Mask pm = ImageFiles.readMask(p);
                Mask gm = ImageFiles.readMask(g);
                metrics.add(pm, gm);
            } catch (IOException | IllegalArgumentException e) {
                bad.add(rel + ": " + e.getMessage());
            }
        }
        MaskMetrics.Summary s = metrics.summary();
        if (s.images() == 0) {
            err.printf("masks eval: no prediction under %s matches any of the %d masks under %s%n", pred,
                    truths.size(), gt);
            return 1;
        }
        print(s, out);
        if (!missing.isEmpty()) {
            out.printf("missing predictions: %d (first: %s)%n", missing.size(), missing.get(0));
        }
        bad.forEach(b -> out.println("skipped " + b));
        out.flush();
        return 0;
    }

    static void print(MaskMetrics.Summary s, PrintWriter out) {
        out.printf("images      %d%n", s.images());
        out.printf("IoU         %.4f%n", s.iou());
        out.printf("maxF(b2=.3) %.4f%n", s.maxF());
        out.printf("adaptiveF   %.4f%n", s.adaptiveF());
        out.printf("MAE         %.4f%n", s.mae());
    }
}
