package org.harl.spi.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mask writes are atomic per writer: several writers of one file (retried distributed tasks) never collide. */
class ImageFilesWriteTest {

    @TempDir
    Path dir;

    private static Mask mask(int value) {
        float[] m = new float[6 * 4];
        java.util.Arrays.fill(m, value / 255f);
        return new Mask(6, 4, m);
    }

    @Test
    void anotherWritersTemporaryFileIsNotInTheWay() throws Exception {
        Path target = dir.resolve("a/m.png");
        // what a writer using a shared temporary name would find in its way (a non-empty folder cannot be replaced)
        Files.createDirectories(dir.resolve("a/m.png.tmp"));
        Files.writeString(dir.resolve("a/m.png.tmp/held"), "another writer");
        ImageFiles.writeMask(mask(200), target);
        assertEquals(200 / 255f, ImageFiles.readMask(target).get(1, 1), 1e-6);
    }

    @Test
    void concurrentWritersOfOneMaskLeaveOneCompleteFile() throws Exception {
        Path target = dir.resolve("m.png");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> writes = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int value = 50 * (t + 1);
                writes.add(pool.submit(() -> {
                    for (int i = 0; i < 40; i++) {
                        ImageFiles.writeMask(mask(value), target);
                    }
                    return null;
                }));
            }
            for (Future<?> w : writes) {
                w.get(); // a writer whose temporary file was moved away by another would throw here
            }
        } finally {
            pool.shutdownNow();
        }
        float v = ImageFiles.readMask(target).get(0, 0) * 255f;
        assertTrue(List.of(50f, 100f, 150f, 200f).contains((float) Math.round(v)), "one writer's mask: " + v);
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(target), files.toList(), "no temporary file left");
        }
    }
}
