package org.harl.core.jobs;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.harl.core.config.ComponentBinder;
import org.harl.core.config.ComponentSpec;
import org.harl.core.data.ImageTree;
import org.harl.core.registry.PluginContexts;
import org.harl.spi.ComponentKind;
import org.harl.spi.PluginContext;
import org.harl.spi.data.DatasetSource;
import org.harl.spi.data.ImageFiles;
import org.harl.spi.data.Mask;
import org.harl.spi.data.MaskLayout;
import org.harl.spi.data.Sample;
import org.harl.spi.data.Split;
import org.harl.spi.mask.MaskProposer;

/**
 * Writes one PNG mask per input image with a registered proposer, at {@link MaskLayout#path} under the output
 * folder. Each mask is written atomically (a temporary file, then a rename), so an interrupted job leaves no partial
 * PNG; a mask already present is skipped, which makes the job resumable and lets several workers share a folder. An
 * input that cannot be read or proposed is listed in the result and never stops the job. {@link #plan} lists the
 * items and {@link #process} runs any share of them, so a distributed executor can hand each worker a partition.
 */
@Singleton
public final class MaskGenerationJob {

    /** Where the images come from. */
    public sealed interface Inputs permits Folder, DatasetSplit {
    }

    /**
     * Every PNG/JPEG under {@code dir}, named by relative path; {@code groundTruth} (optional) is a mask folder of the
     * same layout whose masks the samples carry (for the {@code ground_truth} proposer).
     */
    public record Folder(Path dir, Optional<Path> groundTruth) implements Inputs {
        public Folder {
            Objects.requireNonNull(dir, "dir");
            Objects.requireNonNull(groundTruth, "groundTruth");
        }
    }

    /** The first {@code limit} samples (0 = all) of a registered dataset's split, named by sample id. */
    public record DatasetSplit(String dataset, List<String> settings, Split split, long limit) implements Inputs {
        public DatasetSplit {
            Objects.requireNonNull(dataset, "dataset");
            settings = List.copyOf(settings);
            Objects.requireNonNull(split, "split");
            if (limit < 0) {
                throw new IllegalArgumentException("limit must be >= 0 (0 = all), got " + limit);
            }
        }
    }

    /**
     * @param proposer         registered mask proposer name
     * @param proposerSettings its {@code KEY=VALUE} settings, as on the command line
     * @param inputs           the images
     * @param out              mask output folder
     * @param threads          worker threads per {@link #process} call
     * @param seed             seed handed to the proposer and the dataset
     * @param baseDir          folder that relative paths in settings resolve against
     */
    public record Request(String proposer, List<String> proposerSettings, Inputs inputs, Path out, int threads,
            long seed, Path baseDir) {
        public Request {
            Objects.requireNonNull(proposer, "proposer");
            proposerSettings = List.copyOf(proposerSettings);
            Objects.requireNonNull(inputs, "inputs");
            Objects.requireNonNull(out, "out");
            Objects.requireNonNull(baseDir, "baseDir");
        }
    }

    /** One image: a file's sample id (folder inputs) or a sample index (dataset inputs, whose ids need a load). */
    public record Item(String file, long index) {
        public static Item file(String id) {
            return new Item(id, -1);
        }

        public static Item sample(long index) {
            return new Item(null, index);
        }

        /** How failures name the item. */
        public String label() {
            return file != null ? file : "sample " + index;
        }
    }

    /** The items of a request; {@code alreadyDone} counts those known to have a mask before any is loaded. */
    public record Plan(List<Item> items, int alreadyDone) {
        public Plan {
            items = List.copyOf(items);
        }
    }

    /** What a {@link #process} call did: masks written, items skipped (mask present) and failures. */
    public record Result(int items, int written, int skipped, List<ItemFailure> failures) {
        public Result {
            failures = List.copyOf(failures);
        }
    }

    private final ComponentBinder binder;
    private final PluginContexts contexts;

    @Inject
    public MaskGenerationJob(ComponentBinder binder, PluginContexts contexts) {
        this.binder = binder;
        this.contexts = contexts;
    }

    /** Lists the items of a request and validates its proposer settings (errors name the key). */
    public Plan plan(Request request) throws Exception {
        List<Item> items = new ArrayList<>();
        int done = 0;
        if (request.inputs() instanceof DatasetSplit d) {
            try (DatasetSource data = dataset(request, d)) {
                long size = data.size(d.split());
                long n = d.limit() > 0 ? Math.min(d.limit(), size) : size;
                for (long i = 0; i < n; i++) {
                    items.add(Item.sample(i));
                }
            }
        } else {
            Folder f = (Folder) request.inputs();
            for (Path file : ImageTree.images(f.dir())) {
                Item item = Item.file(ImageTree.id(f.dir(), file));
                items.add(item);
                done += Files.exists(MaskLayout.path(request.out(), item.file())) ? 1 : 0;
            }
        }
        proposerSpec(request);
        return new Plan(items, done);
    }

    /** Plans and processes every item of a request. */
    public Result run(Request request, ProgressListener listener) throws Exception {
        return process(request, plan(request).items(), listener);
    }

    /**
     * Writes the masks of {@code items} (any share of {@link #plan}'s) on {@link Request#threads} threads. Builds the
     * proposer (and dataset) once for the call; throws only when those cannot be built.
     */
    public Result process(Request request, List<Item> items, ProgressListener listener) throws Exception {
        try (MaskProposer proposer = openProposer(request)) {
            return process(request, items, proposer, listener);
        }
    }

    /** The request's proposer, for callers that keep one across calls (see the four-argument {@code process}). */
    public MaskProposer openProposer(Request request) {
        return contexts.create(proposerSpec(request), context(request), MaskProposer.class);
    }

    /**
     * {@link #process(Request, List, ProgressListener)} with a proposer the caller owns (built by {@link #openProposer}
     * for the same request, not closed here): a distributed executor keeps one per task thread, so that a model is
     * loaded once per executor thread rather than once per task.
     */
    public Result process(Request request, List<Item> items, MaskProposer proposer, ProgressListener listener)
            throws Exception {
        AtomicInteger written = new AtomicInteger();
        AtomicInteger skipped = new AtomicInteger();
        DatasetSplit split = request.inputs() instanceof DatasetSplit d ? d : null;
        try (DatasetSource data = split == null ? null : dataset(request, split)) {
            List<ItemFailure> failures = ParallelItems.run("masks", items, request.threads(), Item::label, item -> {
                Path target = item.file() != null ? MaskLayout.path(request.out(), item.file()) : null;
                if (target != null && Files.exists(target)) {
                    skipped.incrementAndGet();
                    return;
                }
                Sample sample = split != null ? data.get(split.split(), item.index())
                        : fileSample((Folder) request.inputs(), item.file());
                if (target == null) { // a dataset sample's id is known once loaded
                    target = MaskLayout.path(request.out(), sample.id());
                    if (Files.exists(target)) {
                        skipped.incrementAndGet();
                        return;
                    }
                }
                ImageFiles.writeMask(proposer.propose(sample), target);
                written.incrementAndGet();
            }, listener);
            return new Result(items.size(), written.get(), skipped.get(), failures);
        }
    }

    private ComponentSpec proposerSpec(Request request) {
        return binder.bind(ComponentKind.MASK_PROPOSER, request.proposer(), request.proposerSettings());
    }

    private PluginContext context(Request request) {
        return contexts.forTool(request.seed(), request.baseDir().resolve("command-line"));
    }

    private DatasetSource dataset(Request request, DatasetSplit d) {
        ComponentSpec spec = binder.bind(ComponentKind.DATASET, d.dataset(), d.settings());
        return contexts.create(spec, context(request), DatasetSource.class);
    }

    private static Sample fileSample(Folder folder, String id) throws IOException {
        Sample image = new Sample(id, ImageFiles.readImage(folder.dir().resolve(id)), Optional.empty(), -1);
        if (folder.groundTruth().isPresent()) {
            Path g = MaskLayout.path(folder.groundTruth().get(), id);
            if (Files.exists(g)) {
                Mask truth = ImageFiles.readMask(g);
                return new Sample(id, image.image(), Optional.of(truth), -1);
            }
        }
        return image;
    }
}
