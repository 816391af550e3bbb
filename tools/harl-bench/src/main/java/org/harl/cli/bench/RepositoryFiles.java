package org.harl.cli.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Files of the harl repository that benchmarks use at run time (reference scripts, sample images), found under the
 * folder the {@code ./harl} launcher passes as the system property {@value #ROOT_PROPERTY}.
 */
final class RepositoryFiles {

    static final String ROOT_PROPERTY = "harl.root";
    static final String PYTORCH_SSL_STEP = "tools/reference/pytorch_ssl_step.py";
    static final String SKIMAGE_FELZENSZWALB = "tools/reference/skimage_felzenszwalb.py";
    static final String FELZENSZWALB_IMAGES = "plugins/harl-plugin-masks/src/test/resources/felzenszwalb";

    private RepositoryFiles() {
    }

    /**
     * {@code relative} under the repository root, which must exist.
     *
     * @param what names the option that would supply the file instead, for the error message
     * @throws IllegalStateException when the root is unknown or the file is missing
     */
    static Path require(String relative, String what) {
        String root = System.getProperty(ROOT_PROPERTY);
        if (root == null || root.isBlank()) {
            throw new IllegalStateException(what + ": the repository root is unknown (system property "
                    + ROOT_PROPERTY + " is not set; run through ./harl, which sets it, or pass -D" + ROOT_PROPERTY
                    + "=/path/to/harl)");
        }
        Path p = Path.of(root).resolve(relative);
        if (!Files.exists(p)) {
            throw new IllegalStateException(what + ": " + p + " does not exist (" + ROOT_PROPERTY + "=" + root
                    + " should be the harl repository root)");
        }
        return p;
    }
}
