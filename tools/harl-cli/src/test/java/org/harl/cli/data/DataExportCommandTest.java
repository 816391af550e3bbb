package org.harl.cli.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.harl.cli.CliRunner;
import org.harl.spi.data.ImageFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataExportCommandTest {

    @TempDir
    Path dir;

    private static long pngs(Path root) throws Exception {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(".png")).count();
        }
    }

    @Test
    void exportsSyntheticObjectsWithOverrides() throws Exception {
        CliRunner.Result r = CliRunner.run("data", "export", "--dataset", "synthetic_objects", "--set",
                "image_size=48", "--set", "test_size=7", "--split", "test", "--out", dir.toString(), "--threads", "2");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("exported 7/7 images"), r.out());
        assertEquals(7, pngs(dir.resolve("images")));
        assertEquals(7, pngs(dir.resolve("masks")));
        try (Stream<Path> s = Files.walk(dir.resolve("images"))) {
            Path any = s.filter(Files::isRegularFile).findFirst().orElseThrow();
            assertEquals(48, ImageFiles.readImage(any).width());
        }
    }

    @Test
    void limitCapsTheExport() throws Exception {
        CliRunner.Result r = CliRunner.run("data", "export", "--dataset", "synthetic_objects", "--limit", "3",
                "--out", dir.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(3, pngs(dir.resolve("images")));
    }

    @Test
    void badConfigValuesAndUnknownDatasetsFailWithAClearMessage() {
        CliRunner.Result bad = CliRunner.run("data", "export", "--dataset", "synthetic_objects", "--set",
                "image_size=8", "--out", dir.toString());
        assertTrue(bad.exitCode() != 0);
        assertTrue(bad.err().contains("image_size"), bad.err());
        CliRunner.Result unknown = CliRunner.run("data", "export", "--dataset", "no_such", "--out", dir.toString());
        assertTrue(unknown.exitCode() != 0);
        assertTrue(unknown.err().contains("synthetic_objects"), unknown.err());
        CliRunner.Result split = CliRunner.run("data", "export", "--dataset", "synthetic_objects", "--split", "val",
                "--out", dir.toString());
        assertTrue(split.exitCode() != 0);
        assertTrue(split.err().contains("--split must be train or test"), split.err());
    }

    @Test
    void fashionWithoutDataNamesThePackage() {
        CliRunner.Result r = CliRunner.run("data", "export", "--dataset", "fashion_composites", "--set",
                "data_dir=" + dir.resolve("missing"), "--out", dir.resolve("o").toString());
        assertTrue(r.exitCode() != 0);
        assertTrue(r.err().contains("apt-get install dataset-fashion-mnist"), r.err());
    }
}
