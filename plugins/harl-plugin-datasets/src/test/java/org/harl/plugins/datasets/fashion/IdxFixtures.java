package org.harl.plugins.datasets.fashion;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes small Fashion-MNIST-shaped IDX files. */
final class IdxFixtures {

    private IdxFixtures() {
    }

    static byte[] idx(int[] dims, byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(0x0800 | dims.length);
        for (int d : dims) {
            out.writeInt(d);
        }
        out.write(data);
        return bytes.toByteArray();
    }

    static void write(Path file, byte[] content, boolean gzip) throws IOException {
        try (OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(file)) : Files.newOutputStream(file)) {
            out.write(content);
        }
    }

    /**
     * A dataset folder: {@code train} and {@code test} items; item i is a filled rectangle of grey (i+1)*20 covering
     * rows 4..23 and columns 8..19, label i % 10.
     */
    static Path dataset(Path dir, int train, int test, boolean gzip) throws IOException {
        Files.createDirectories(dir);
        String ext = gzip ? ".gz" : "";
        for (String prefix : new String[] {"train", "t10k"}) {
            int n = prefix.equals("train") ? train : test;
            byte[] pixels = new byte[n * 784];
            byte[] labels = new byte[n];
            for (int i = 0; i < n; i++) {
                labels[i] = (byte) (i % 10);
                for (int y = 4; y < 24; y++) {
                    for (int x = 8; x < 20; x++) {
                        pixels[i * 784 + y * 28 + x] = (byte) ((i % 12 + 1) * 20);
                    }
                }
            }
            write(dir.resolve(prefix + "-images-idx3-ubyte" + ext), idx(new int[] {n, 28, 28}, pixels), gzip);
            write(dir.resolve(prefix + "-labels-idx1-ubyte" + ext), idx(new int[] {n}, labels), gzip);
        }
        return dir;
    }
}
