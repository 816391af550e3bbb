package org.harl.plugins.datasets.fashion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxFileTest {

    @TempDir
    Path dir;

    @Test
    void readsRawAndGzipFiles() throws IOException {
        byte[] content = IdxFixtures.idx(new int[] {2, 3}, new byte[] {1, 2, 3, 4, 5, (byte) 250});
        Path raw = dir.resolve("a");
        Path gz = dir.resolve("b");
        IdxFixtures.write(raw, content, false);
        IdxFixtures.write(gz, content, true);
        for (Path p : new Path[] {raw, gz}) {
            IdxFile f = IdxFile.read(p);
            assertArrayEquals(new int[] {2, 3}, f.dims());
            assertArrayEquals(new byte[] {1, 2, 3, 4, 5, (byte) 250}, f.data());
        }
    }

    @Test
    void badMagicIsRejected() throws IOException {
        Path p = dir.resolve("bad");
        Files.write(p, new byte[] {0x12, 0x34, 0x08, 0x01, 0, 0, 0, 1, 7});
        IOException e = assertThrows(IOException.class, () -> IdxFile.read(p));
        assertTrue(e.getMessage().contains("not an IDX file") && e.getMessage().contains(p.toString()),
                e.getMessage());
        Path floats = dir.resolve("floats"); // type 0x0D = float: not supported
        Files.write(floats, new byte[] {0, 0, 0x0D, 0x01, 0, 0, 0, 1, 7, 7, 7, 7});
        assertTrue(assertThrows(IOException.class, () -> IdxFile.read(floats)).getMessage().contains("magic"));
    }

    @Test
    void truncatedFilesAreRejected() throws IOException {
        byte[] content = IdxFixtures.idx(new int[] {4, 28, 28}, new byte[4 * 784]);
        Path data = dir.resolve("short-data");
        IdxFixtures.write(data, Arrays.copyOf(content, content.length - 100), true);
        IOException e = assertThrows(IOException.class, () -> IdxFile.read(data));
        assertTrue(e.getMessage().contains("truncated") && e.getMessage().contains("3036"), e.getMessage());
        Path header = dir.resolve("short-header");
        IdxFixtures.write(header, Arrays.copyOf(content, 9), false);
        assertTrue(assertThrows(IOException.class, () -> IdxFile.read(header)).getMessage()
                .contains("truncated IDX header"));
        Path empty = dir.resolve("empty");
        Files.write(empty, new byte[0]);
        assertTrue(assertThrows(IOException.class, () -> IdxFile.read(empty)).getMessage().contains("truncated"));
    }

    @Test
    void corruptGzipIsRejected() throws IOException {
        Path p = dir.resolve("corrupt.gz");
        Files.write(p, new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4, 5});
        IOException e = assertThrows(IOException.class, () -> IdxFile.read(p));
        assertTrue(e.getMessage().contains(p.toString()), e.getMessage());
    }
}
