package org.harl.spark;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.util.LongAccumulator;
import org.harl.core.jobs.ItemFailure;
import org.harl.core.jobs.MaskGenerationJob;
import org.harl.core.jobs.ProgressListener;
import org.harl.spi.data.Split;
import org.harl.spi.mask.MaskProposer;

/**
 * One partition of a mask generation on an executor: rebuilds the job's request from plain strings (a request holds
 * paths, which do not serialise) and hands the partition's items to {@link MaskGenerationJob#process} on one thread,
 * so a task holds one proposer for its whole partition. Masks land atomically and existing ones are skipped, so a
 * retried task (executor lost) redoes only what is missing.
 */
final class MaskTask implements FlatMapFunction<Iterator<MaskTask.Item>, MaskTask.Part> {

    private static final long serialVersionUID = 1L;

    /** An image to mask: a file id (folder inputs) or a sample index (dataset inputs). */
    record Item(String file, long index) implements Serializable {
        static Item of(MaskGenerationJob.Item item) {
            return new Item(item.file(), item.index());
        }

        MaskGenerationJob.Item item() {
            return new MaskGenerationJob.Item(file, index);
        }
    }

    /** What one partition did; failures as {@code [item, reason]}. */
    record Part(int items, int written, int skipped, List<String[]> failures) implements Serializable {
    }

    private final String proposer;
    private final ArrayList<String> settings;
    private final String folder;
    private final String groundTruth;
    private final String dataset;
    private final ArrayList<String> datasetSettings;
    private final Split split;
    private final long limit;
    private final String out;
    private final long seed;
    private final String baseDir;
    private final LongAccumulator images;

    /** The task of a request; paths become absolute so that every executor resolves them alike. */
    MaskTask(MaskGenerationJob.Request request, LongAccumulator images) {
        this.proposer = request.proposer();
        this.settings = new ArrayList<>(request.proposerSettings());
        if (request.inputs() instanceof MaskGenerationJob.Folder f) {
            folder = absolute(f.dir());
            groundTruth = f.groundTruth().map(MaskTask::absolute).orElse(null);
            dataset = null;
            datasetSettings = new ArrayList<>();
            split = null;
            limit = 0;
        } else {
            MaskGenerationJob.DatasetSplit d = (MaskGenerationJob.DatasetSplit) request.inputs();
            folder = null;
            groundTruth = null;
            dataset = d.dataset();
            datasetSettings = new ArrayList<>(d.settings());
            split = d.split();
            limit = d.limit();
        }
        this.out = absolute(request.out());
        this.seed = request.seed();
        this.baseDir = absolute(request.baseDir());
        this.images = images;
    }

    private static String absolute(Path p) {
        return p.toAbsolutePath().normalize().toString();
    }

    /** The request on the executor: one thread per task (Spark runs one task per core). */
    MaskGenerationJob.Request request() {
        MaskGenerationJob.Inputs inputs = folder != null
                ? new MaskGenerationJob.Folder(Path.of(folder), Optional.ofNullable(groundTruth).map(Path::of))
                : new MaskGenerationJob.DatasetSplit(dataset, datasetSettings, split, limit);
        return new MaskGenerationJob.Request(proposer, settings, inputs, Path.of(out), 1, seed, Path.of(baseDir));
    }

    @Override
    public Iterator<Part> call(Iterator<Item> partition) throws Exception {
        List<MaskGenerationJob.Item> items = new ArrayList<>();
        partition.forEachRemaining(i -> items.add(i.item()));
        MaskGenerationJob job = ExecutorHarl.get(MaskGenerationJob.class);
        MaskGenerationJob.Request request = request();
        // one proposer per task thread for the executor's life: a model is loaded once, not once per task
        MaskProposer model = ExecutorProposers.get(String.join("\u0000", proposer, String.join(",", settings),
                Long.toString(seed), baseDir), () -> job.openProposer(request));
        MaskGenerationJob.Result r = job.process(request, items, model, ProgressListener.NONE);
        images.add(r.items());
        List<String[]> failures = new ArrayList<>();
        for (ItemFailure f : r.failures()) {
            failures.add(new String[] {f.item(), f.reason()});
        }
        return List.of(new Part(r.items(), r.written(), r.skipped(), failures)).iterator();
    }
}
