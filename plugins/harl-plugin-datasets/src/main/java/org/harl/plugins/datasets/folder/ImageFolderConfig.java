package org.harl.plugins.datasets.folder;

import org.harl.spi.config.Doc;
import org.harl.spi.config.InvalidConfigException;
import org.harl.spi.config.Required;

/** Config of {@code image_folder}: {@code root/<class>/<file>.{jpg,jpeg,png}} plus optional mask trees. */
public record ImageFolderConfig(
        @Required @Doc("training images: <train_root>/<class>/<file>.{jpg,jpeg,png}") String trainRoot,
        @Doc("test images with the same class folders; empty = hold out test_fraction of train_root") String testRoot,
        @Doc("with no test_root: fraction of train_root held out as test, chosen by a hash of the relative path")
        double testFraction,
        @Doc("seed of the held-out choice") long splitSeed,
        @Doc("masks of train_root: <mask_root>/<class>/<file>.png, same relative path; empty = no masks")
        String maskRoot,
        @Doc("masks of test_root (same layout); empty = no test masks") String testMaskRoot,
        @Doc("image without mask: error, full_image or skip") MissingMaskPolicy missingMask,
        @Doc("undecodable image or mask: skip (use the next sample, count, log once) or error")
        UnreadablePolicy unreadable,
        @Doc("folder for the cached file index; empty = ~/.cache/harl/image-index") String indexCache) {

    public ImageFolderConfig {
        InvalidConfigException.check(trainRoot != null && !trainRoot.isBlank(), "train_root", "must name a folder");
        testRoot = testRoot == null ? "" : testRoot;
        maskRoot = maskRoot == null ? "" : maskRoot;
        testMaskRoot = testMaskRoot == null ? "" : testMaskRoot;
        indexCache = indexCache == null ? "" : indexCache;
        InvalidConfigException.check(testFraction >= 0 && testFraction < 1, "test_fraction",
                "must be in [0, 1), got " + testFraction);
        InvalidConfigException.check(testRoot.isEmpty() || testFraction == 0, "test_fraction",
                "must be 0 when test_root is set");
        InvalidConfigException.check(missingMask != null, "missing_mask", "must be error, full_image or skip");
        InvalidConfigException.check(unreadable != null, "unreadable", "must be skip or error");
    }

    /** Defaults; {@code train_root} is required, so it is a placeholder the YAML must override. */
    public static ImageFolderConfig defaults() {
        return new ImageFolderConfig("data/train", "", 0.0, 0, "", "", MissingMaskPolicy.ERROR,
                UnreadablePolicy.SKIP, "");
    }
}
