package org.harl.plugins.datasets.folder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.harl.plugins.datasets.SampleIds;
import org.harl.spi.ComponentFactory;
import org.harl.spi.ComponentKind;
import org.harl.spi.PluginContext;
import org.harl.spi.data.DatasetSource;
import org.harl.spi.data.ImageFiles;
import org.harl.spi.data.Mask;
import org.harl.spi.data.Resampler;
import org.harl.spi.data.RgbImage;
import org.harl.spi.data.Sample;
import org.harl.spi.data.SeedMixer;
import org.harl.spi.data.Split;

/**
 * Images in class folders, optionally with masks at the same relative paths under a mask root (HARL's
 * {@code train/n01440764/x.JPEG} with {@code masks/n01440764/x.png}). Pairing is by relative path. Masks of another
 * size are resized to the image. Policies for missing masks and undecodable files come from the config; the
 * number of files each policy affected is in {@link #counters()}.
 */
public final class ImageFolder implements DatasetSource {

    /** Registers {@code image_folder}. */
    public static final ComponentFactory<ImageFolderConfig, DatasetSource> FACTORY = ComponentFactory.of(
            ComponentKind.DATASET, "image_folder",
            "root/<class>/<file>.{jpg,jpeg,png} with optional masks at the same relative paths (.png)",
            ImageFolderConfig.class, ImageFolderConfig.defaults(), ImageFolder::create);

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ImageFolder.class);

    private final ImageFolderConfig config;
    private final List<String> classes;
    private final Map<String, Integer> labels = new java.util.HashMap<>();
    private final Part train;
    private final Part test;
    private final AtomicLong fullImageMasks = new AtomicLong();
    private final AtomicLong resizedMasks = new AtomicLong();
    private final Set<String> unreadable = ConcurrentHashMap.newKeySet();
    private final Set<String> masksResized = ConcurrentHashMap.newKeySet();
    private final Set<String> masksFilled = ConcurrentHashMap.newKeySet();
    private final long skippedMissingMask;

    /** One split: files and where their images and masks live. */
    private record Part(Path root, Path maskRoot, List<FileIndex.Entry> files, String idPrefix) {
        Part(Path root, Path maskRoot, List<FileIndex.Entry> files) {
            this(root, maskRoot, files, SampleIds.prefix("image_folder", root.toAbsolutePath().normalize().toString()));
        }
    }

    /**
     * @param resolve turns config paths into absolute paths (relative to the experiment file)
     * @param cacheDir where the file index cache goes
     */
    public ImageFolder(ImageFolderConfig config, java.util.function.Function<String, Path> resolve, Path cacheDir) {
        this.config = config;
        Path trainRoot = resolve.apply(config.trainRoot());
        Path trainMasks = config.maskRoot().isEmpty() ? null : resolve.apply(config.maskRoot());
        FileIndex trainIndex = FileIndex.load(trainRoot, trainMasks, cacheDir);
        if (trainIndex.files().isEmpty()) {
            throw new IllegalArgumentException("no .jpg, .jpeg or .png images in class folders under " + trainRoot
                    + " (config key train_root; expected <train_root>/<class>/<file>)");
        }
        this.classes = List.copyOf(new TreeSet<>(trainIndex.files().stream().map(FileIndex.Entry::label).toList()));
        for (int i = 0; i < classes.size(); i++) {
            labels.put(classes.get(i), i);
        }
        long[] skipped = new long[1];
        List<FileIndex.Entry> trainFiles = withMasks(trainIndex.files(), trainRoot, trainMasks, skipped);
        if (config.testRoot().isEmpty()) {
            List<FileIndex.Entry> tr = new ArrayList<>();
            List<FileIndex.Entry> te = new ArrayList<>();
            for (FileIndex.Entry e : trainFiles) {
                (heldOut(e.path()) ? te : tr).add(e);
            }
            this.train = new Part(trainRoot, trainMasks, List.copyOf(tr));
            this.test = new Part(trainRoot, trainMasks, List.copyOf(te));
        } else {
            Path testRoot = resolve.apply(config.testRoot());
            Path testMasks = config.testMaskRoot().isEmpty() ? null : resolve.apply(config.testMaskRoot());
            FileIndex testIndex = FileIndex.load(testRoot, testMasks, cacheDir);
            for (FileIndex.Entry e : testIndex.files()) {
                if (!labels.containsKey(e.label())) {
                    throw new IllegalArgumentException("test image " + testRoot.resolve(e.path()) + " is in class '"
                            + e.label() + "', which train_root " + trainRoot + " does not have");
                }
            }
            this.train = new Part(trainRoot, trainMasks, trainFiles);
            this.test = new Part(testRoot, testMasks, withMasks(testIndex.files(), testRoot, testMasks, skipped));
        }
        this.skippedMissingMask = skipped[0];
        LOG.info("image_folder: {} training and {} test images in {} classes under {}", train.files.size(),
                test.files.size(), classes.size(), trainRoot);
        if (train.files.isEmpty()) {
            throw new IllegalArgumentException("no training images left under " + trainRoot + " after applying "
                    + "missing_mask: skip and test_fraction");
        }
    }

    /** Applies the missing-mask policy to the entries of a tree that has a mask root. */
    private List<FileIndex.Entry> withMasks(List<FileIndex.Entry> files, Path root, Path maskRoot, long[] skipped) {
        if (maskRoot == null) {
            return files;
        }
        List<FileIndex.Entry> missing = files.stream().filter(e -> !e.hasMask()).toList();
        if (missing.isEmpty()) {
            return files;
        }
        return switch (config.missingMask()) {
            case ERROR -> throw new IllegalArgumentException(missing.size() + " of " + files.size() + " images under "
                    + root + " have no mask, e.g. " + maskRoot.resolve(FileIndex.maskPath(missing.get(0).path()))
                    + " for " + root.resolve(missing.get(0).path())
                    + " (set missing_mask: full_image or skip to accept this)");
            case SKIP -> {
                skipped[0] += missing.size();
                LOG.warn("image_folder: skipping " + missing.size()
                        + " images without a mask under " + root + ", e.g. " + missing.get(0).path());
                yield files.stream().filter(FileIndex.Entry::hasMask).toList();
            }
            case FULL_IMAGE -> files;
        };
    }

    private boolean heldOut(String path) {
        long h = SeedMixer.mix(config.splitSeed(), stableHash(path));
        return (h >>> 11) * 0x1.0p-53 < config.testFraction();
    }

    private static long stableHash(String s) {
        long h = 1125899906842597L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h = 31 * h + b;
        }
        return h;
    }

    @Override
    public long size(Split split) {
        return part(split).files.size();
    }

    /**
     * The sample at {@code index}; with {@code unreadable: skip} an undecodable file is replaced by the next readable
     * one (wrapping around), so every index yields a sample.
     */
    @Override
    public Sample get(Split split, long index) {
        Part p = part(split);
        int n = p.files.size();
        if (index < 0 || index >= n) {
            throw new IndexOutOfBoundsException("image_folder " + split + " index " + index + " outside [0, " + n + ")");
        }
        for (int k = 0; k < n; k++) {
            FileIndex.Entry e = p.files.get((int) ((index + k) % n));
            Sample s = tryLoad(p, e);
            if (s != null) {
                return s;
            }
        }
        throw new IllegalStateException("no readable image under " + p.root + " (all " + n + " files failed to decode)");
    }

    private Sample tryLoad(Part p, FileIndex.Entry e) {
        Path imageFile = p.root.resolve(e.path());
        Path maskFile = p.maskRoot == null ? null : p.maskRoot.resolve(FileIndex.maskPath(e.path()));
        Path current = imageFile;
        try {
            RgbImage image = ImageFiles.readImage(imageFile);
            Optional<Mask> mask = Optional.empty();
            if (maskFile != null) {
                if (e.hasMask()) {
                    current = maskFile;
                    mask = Optional.of(fit(ImageFiles.readMask(maskFile), image, e.path()));
                } else {
                    if (masksFilled.add(e.path())) {
                        fullImageMasks.incrementAndGet();
                    }
                    mask = Optional.of(Mask.filled(image.width(), image.height(), 1f));
                }
            }
            return new Sample(p.idPrefix + "/" + e.path(), image, mask, labels.get(e.label()));
        } catch (IOException ex) {
            if (config.unreadable() == UnreadablePolicy.ERROR) {
                throw new IllegalStateException("cannot read " + current + ": " + ex.getMessage()
                        + " (set unreadable: skip to use the next sample instead)", ex);
            }
            if (unreadable.add(current.toString())) {
                LOG.warn("image_folder: skipping unreadable file " + current + ": "
                        + ex.getMessage());
            }
            return null;
        }
    }

    private Mask fit(Mask mask, RgbImage image, String path) {
        if (mask.width() == image.width() && mask.height() == image.height()) {
            return mask;
        }
        if (masksResized.add(path)) {
            resizedMasks.incrementAndGet();
        }
        return Resampler.resize(mask.width(), mask.height(), image.width(), image.height()).apply(mask);
    }

    private Part part(Split split) {
        return split == Split.TRAIN ? train : test;
    }

    @Override
    public List<String> classNames() {
        return classes;
    }

    @Override
    public boolean providesMasks() {
        return train.maskRoot != null;
    }

    @Override
    public Map<String, Long> counters() {
        Map<String, Long> c = new LinkedHashMap<>();
        c.put("skipped_unreadable", (long) unreadable.size());
        c.put("skipped_missing_mask", skippedMissingMask);
        c.put("full_image_masks", fullImageMasks.get());
        c.put("resized_masks", resizedMasks.get());
        return c;
    }

    private static DatasetSource create(ImageFolderConfig config, PluginContext context) {
        Path cache = config.indexCache().isEmpty() ? defaultCache() : context.resolvePath(config.indexCache());
        return new ImageFolder(config, context::resolvePath, cache);
    }

    /** {@code ~/.cache/harl/image-index} (XDG_CACHE_HOME respected). */
    public static Path defaultCache() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("harl").resolve("image-index");
    }
}
