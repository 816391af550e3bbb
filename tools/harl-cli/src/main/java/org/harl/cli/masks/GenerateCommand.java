package org.harl.cli.masks;

import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.harl.cli.ProgressBarListener;
import org.harl.cli.spark.SparkBackend;
import org.harl.cli.spark.SparkOptions;
import org.harl.cli.spark.SparkSettings;
import org.harl.core.jobs.ItemFailure;
import org.harl.core.jobs.MaskGenerationJob;
import org.harl.spi.data.Split;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code harl masks generate}: one PNG mask per image, mirroring the input tree ({@code OUT/<id without extension>.png}).
 * Resumable (existing outputs are skipped), multi-threaded, with a progress bar; an unreadable image is listed and
 * skipped. The work is {@link MaskGenerationJob}'s, in this JVM or on Apache Spark ({@code --spark}).
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write a mask PNG for every image under --in, mirroring the tree under --out.")
public final class GenerateCommand implements Callable<Integer> {

    private final MaskGenerationJob job;

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

    @Mixin
    SparkOptions sparkOptions = new SparkOptions();

    @Inject
    public GenerateCommand(MaskGenerationJob job) {
        this.job = job;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter outw = spec.commandLine().getOut();
        if ((in == null) == (dataset == null)) {
            throw new IllegalArgumentException("masks generate: give exactly one of --in DIR and --dataset NAME");
        }
        MaskGenerationJob.Inputs inputs = dataset != null
                ? new MaskGenerationJob.DatasetSplit(dataset, datasetSettings, split(), limit)
                : new MaskGenerationJob.Folder(in, Optional.ofNullable(gt));
        MaskGenerationJob.Request request = new MaskGenerationJob.Request(proposer, settings, inputs, out, threads,
                seed, Path.of("").toAbsolutePath());
        Optional<SparkSettings> spark = sparkOptions.settings();
        MaskGenerationJob.Plan plan = job.plan(request);
        int total = plan.items().size();
        outw.printf("%d images, %d already done, %d to generate with '%s' %s%n", total,
                plan.alreadyDone(), total - plan.alreadyDone(), proposer,
                spark.map(s -> "on Spark (" + s.master() + ")").orElse("on " + threads + " threads"));
        outw.flush();
        MaskGenerationJob.Result result = spark.isEmpty()
                ? job.process(request, plan.items(), new ProgressBarListener())
                : SparkBackend.load().generateMasks(spark.get(), request, plan.items(), new ProgressBarListener(),
                        line -> {
                            outw.println(line);
                            outw.flush();
                        });
        outw.printf("wrote %d masks to %s%n", result.written(), out);
        List<ItemFailure> failed = result.failures();
        if (!failed.isEmpty()) {
            outw.printf("skipped %d unreadable or failing inputs:%n", failed.size());
            failed.forEach(f -> outw.println("  " + f));
        }
        outw.flush();
        return 0;
    }

    private Split split() {
        return switch (split.toLowerCase(Locale.ROOT)) {
            case "train" -> Split.TRAIN;
            case "test" -> Split.TEST;
            default -> throw new IllegalArgumentException("--split must be train or test, got '" + split + "'");
        };
    }
}
