package org.harl.cli.masks;

import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.harl.plugins.masks.PrecomputedProposer;
import org.harl.spi.data.DatasetSource;
import org.harl.spi.data.ImageFiles;
import org.harl.spi.data.Mask;
import org.harl.spi.data.RgbImage;
import org.harl.spi.data.Sample;
import org.harl.spi.data.Split;
import org.harl.spi.mask.MaskProposer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code harl masks generate}: one PNG mask per image, mirroring the input tree ({@code OUT/<id without extension>.png}).
 * Resumable (existing outputs are skipped), multi-threaded, with a progress bar; an unreadable image is listed and
 * skipped.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write a mask PNG for every image under --in, mirroring the tree under --out.")
public final class GenerateCommand implements Callable<Integer> {

    private final MaskComponents components;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--proposer", required = true, description = "registered mask proposer (drfi, center_prior, ...)")
    String proposer;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "proposer setting, e.g. --set max_threshold=0.8 (repeatable)")
    List<String> settings = new ArrayList<>();

    @Option(names = "--in", description = "image folder (PNG/JPEG, searched recursively)")
    Path in;

    @Option(names = "--dataset", description = "instead of --in: a registered dataset (masks named by sample id)")
    String dataset;

    @Option(names = "--dataset-set", paramLabel = "KEY=VALUE", description = "dataset setting (repeatable)")
    List<String> datasetSettings = new ArrayList<>();

    @Option(names = "--split", description = "with --dataset: train or test (default ${DEFAULT-VALUE})")
    String split = "train";

    @Option(names = "--limit", description = "with --dataset: first N samples; 0 = all (default ${DEFAULT-VALUE})")
    long limit;

    @Option(names = "--out", required = true, description = "mask output folder")
    Path out;

    @Option(names = "--gt", description = "folder of exact masks (same layout) for the ground_truth proposer")
    Path gt;

    @Option(names = "--threads", description = "worker threads (default: available processors)")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--seed", description = "seed handed to the proposer (default ${DEFAULT-VALUE})")
    long seed = 1;

    @Inject
    public GenerateCommand(MaskComponents components) {
        this.components = components;
    }

    /** One input: its sample id and how to load it. */
    private record Input(String id, Loader loader) {
    }

    private interface Loader {
        Sample load() throws IOException;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter outw = spec.commandLine().getOut();
        if ((in == null) == (dataset == null)) {
            throw new IllegalArgumentException("masks generate: give exactly one of --in DIR and --dataset NAME");
        }
        DatasetSource data = dataset == null ? null : components.dataset(dataset, datasetSettings, seed);
        List<Input> inputs = new ArrayList<>();
        if (data != null) {
            Split which = switch (split.toLowerCase(java.util.Locale.ROOT)) {
                case "train" -> Split.TRAIN;
                case "test" -> Split.TEST;
                default -> throw new IllegalArgumentException("--split must be train or test, got '" + split + "'");
            };
            long n = limit > 0 ? Math.min(limit, data.size(which)) : data.size(which);
            for (long i = 0; i < n; i++) {
                long index = i;
                inputs.add(new Input(null, () -> data.get(which, index)));
            }
        } else {
            for (Path f : ImageTree.images(in)) {
                inputs.add(new Input(ImageTree.id(in, f), () -> fileSample(f)));
            }
        }
        MaskProposer p = components.proposer(proposer, settings, seed);
        List<Input> todo = new ArrayList<>();
        for (Input i : inputs) { // dataset ids are known only once loaded: those are checked in the worker
            if (i.id() == null || !Files.exists(PrecomputedProposer.maskPath(out, i.id()))) {
                todo.add(i);
            }
        }
        outw.printf("%d images, %d already done, %d to generate with '%s' on %d threads%n", inputs.size(),
                inputs.size() - todo.size(), todo.size(), proposer, threads);
        outw.flush();
        List<String> failed = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try (p; ProgressBar bar = new ProgressBarBuilder().setTaskName("masks").setInitialMax(todo.size())
                .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err)).build()) {
            List<Future<?>> jobs = new ArrayList<>();
            for (Input f : todo) {
                jobs.add(pool.submit(() -> {
                    try {
                        one(p, f);
                    } catch (Exception e) {
                        failed.add((f.id() != null ? f.id() + ": " : "") + e.getMessage());
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
            pool.awaitTermination(1, TimeUnit.MINUTES);
            if (data != null) {
                data.close();
            }
        }
        outw.printf("wrote %d masks to %s%n", todo.size() - failed.size(), out);
        if (!failed.isEmpty()) {
            Collections.sort(failed);
            outw.printf("skipped %d unreadable or failing inputs:%n", failed.size());
            failed.forEach(f -> outw.println("  " + f));
        }
        outw.flush();
        return 0;
    }

    private void one(MaskProposer p, Input input) throws IOException {
        Sample s = input.loader().load();
        Path target = PrecomputedProposer.maskPath(out, s.id());
        if (input.id() == null && Files.exists(target)) {
            return; // resumed dataset run
        }
        ImageFiles.writeMask(p.propose(s), target);
    }

    private Sample fileSample(Path file) throws IOException {
        String id = ImageTree.id(in, file);
        RgbImage image = ImageFiles.readImage(file);
        Optional<Mask> truth = Optional.empty();
        if (gt != null) {
            Path g = PrecomputedProposer.maskPath(gt, id);
            if (Files.exists(g)) {
                truth = Optional.of(ImageFiles.readMask(g));
            }
        }
        return new Sample(id, image, truth, -1);
    }
}
