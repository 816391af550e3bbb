package org.harl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a user sees on the console: {@code harl} runs in its own JVM (as the launcher starts it), since the log
 * backend is configured once per process.
 */
class LoggingTest {
    @TempDir
    Path tmp;

    private record Run(int code, List<String> errLines) {
    }

    private Run harl(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dai.djl.offline=true", HarlCommand.class.getName()));
        cmd.addAll(List.of(args));
        Path err = tmp.resolve("err.txt");
        Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).redirectOutput(tmp.resolve("out.txt").toFile())
                .start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "harl did not finish");
        return new Run(p.exitValue(), Files.readAllLines(err, StandardCharsets.UTF_8));
    }

    /** An image folder with one good and one undecodable image, exported with {@code harl data export}. */
    private Run export(boolean verbose) throws Exception {
        Path cls = Files.createDirectories(tmp.resolve("images/cat"));
        ImageIO.write(new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB), "png", cls.resolve("good.png").toFile());
        Files.writeString(cls.resolve("broken.png"), "not a png");
        List<String> args = new ArrayList<>(List.of("data", "export", "--dataset", "image_folder",
                "--set", "train_root=" + tmp.resolve("images"), "--set", "index_cache=" + tmp.resolve("index"),
                "--out", tmp.resolve("out").toString(), "--threads", "1"));
        if (verbose) {
            args.add(0, "--verbose");
        }
        return harl(args.toArray(String[]::new));
    }

    @Test
    void warningsAreOneLineAndInfoIsQuietByDefault() throws Exception {
        Run r = export(false);
        assertEquals(0, r.code(), String.join("\n", r.errLines()));
        List<String> warn = r.errLines().stream().filter(l -> l.contains("broken.png")).toList();
        assertEquals(1, warn.size(), String.join("\n", r.errLines()));
        assertTrue(warn.get(0).startsWith("WARN ImageFolder - image_folder: skipping unreadable file "), warn.get(0));
        assertFalse(r.errLines().stream().anyMatch(l -> l.startsWith("INFO ")), String.join("\n", r.errLines()));
        assertFalse(r.errLines().stream().anyMatch(l -> l.contains("SLF4J")), String.join("\n", r.errLines()));
    }

    @Test
    void verboseShowsInfo() throws Exception {
        Run r = export(true);
        assertEquals(0, r.code(), String.join("\n", r.errLines()));
        assertTrue(r.errLines().stream().anyMatch(l -> l.startsWith("INFO ImageFolder - image_folder: 2 training")),
                String.join("\n", r.errLines()));
        assertTrue(r.errLines().stream().anyMatch(l -> l.startsWith("WARN ImageFolder - ")),
                String.join("\n", r.errLines()));
    }
}
