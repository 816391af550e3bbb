package org.harl.plugins.datasets.fashion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.harl.spi.data.Split;

/** The Fashion-MNIST images (28 x 28 grey) and labels of both splits, read from IDX files. */
final class FashionMnistData {

    static final List<String> CLASSES = List.of("t-shirt_top", "trouser", "pullover", "dress", "coat", "sandal",
            "shirt", "sneaker", "bag", "ankle_boot");
    static final String INSTALL_HINT = "install it with `apt-get install dataset-fashion-mnist` (files go to "
            + "/usr/share/datasets/fashion-mnist) or set data_dir to a folder holding train-images-idx3-ubyte[.gz], "
            + "train-labels-idx1-ubyte[.gz], t10k-images-idx3-ubyte[.gz] and t10k-labels-idx1-ubyte[.gz]";

    private final Part train;
    private final Part test;

    private record Part(byte[] pixels, byte[] labels, int count, int rows, int cols) {
    }

    FashionMnistData(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("Fashion-MNIST directory " + dir + " (config key data_dir) does not "
                    + "exist: " + INSTALL_HINT);
        }
        this.train = part(dir, "train");
        this.test = part(dir, "t10k");
    }

    int size(Split split) {
        return part(split).count;
    }

    int side() {
        return train.rows;
    }

    /** Grey values in [0, 1], row-major. */
    float[] grey(Split split, int index) {
        Part p = part(split);
        int n = p.rows * p.cols;
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (p.pixels[index * n + i] & 0xff) / 255f;
        }
        return out;
    }

    int label(Split split, int index) {
        return part(split).labels[index] & 0xff;
    }

    private Part part(Split split) {
        return split == Split.TRAIN ? train : test;
    }

    private static Part part(Path dir, String prefix) {
        Path images = find(dir, prefix + "-images-idx3-ubyte");
        Path labels = find(dir, prefix + "-labels-idx1-ubyte");
        try {
            IdxFile img = IdxFile.read(images);
            IdxFile lab = IdxFile.read(labels);
            if (img.dims().length != 3) {
                throw new IOException(images + ": expected 3 dimensions (count, rows, cols), got " + img.dims().length);
            }
            if (lab.dims().length != 1 || lab.dims()[0] != img.dims()[0]) {
                throw new IOException(labels + ": " + (lab.dims().length == 1 ? lab.dims()[0] : -1)
                        + " labels for " + img.dims()[0] + " images in " + images);
            }
            for (byte b : lab.data()) {
                if ((b & 0xff) >= CLASSES.size()) {
                    throw new IOException(labels + ": label " + (b & 0xff) + " outside 0..9");
                }
            }
            return new Part(img.data(), lab.data(), img.dims()[0], img.dims()[1], img.dims()[2]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path find(Path dir, String name) {
        for (String candidate : List.of(name + ".gz", name)) {
            Path p = dir.resolve(candidate);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new IllegalArgumentException("Fashion-MNIST file " + name + "[.gz] not found in " + dir
                + " (config key data_dir): " + INSTALL_HINT);
    }
}
