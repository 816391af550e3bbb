package org.harl.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.harl.cli.CliRunner;
import org.harl.spi.data.ImageFiles;
import org.harl.spi.data.RgbImage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code harl bench train --reference} and {@code harl bench masks} give their reference script the warm-up and
 * timed runs the Java side used, find it in the repository, and reject a reference that did something else. The
 * "python" here is a shell script that records its arguments and prints a result line.
 */
class BenchReferenceTest {

    @TempDir
    Path dir;

    private String savedRoot;

    @BeforeEach
    void pointAtTheRepository() {
        savedRoot = System.getProperty(RepositoryFiles.ROOT_PROPERTY);
        System.setProperty(RepositoryFiles.ROOT_PROPERTY, repositoryRoot().toString());
    }

    @AfterEach
    void restore() {
        if (savedRoot == null) {
            System.clearProperty(RepositoryFiles.ROOT_PROPERTY);
        } else {
            System.setProperty(RepositoryFiles.ROOT_PROPERTY, savedRoot);
        }
    }

    static Path repositoryRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("tools/harl-cli/pom.xml"))) {
                return p;
            }
        }
        throw new IllegalStateException("no repository root above " + Path.of("").toAbsolutePath());
    }

    /** A fake interpreter: saves its arguments to {@code args.txt}, then runs {@code body} (sh). */
    private Path fakePython(String body) throws Exception {
        Path script = dir.resolve("python");
        Files.writeString(script, "#!/bin/sh\necho \"$@\" > '" + dir.resolve("args.txt") + "'\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    private List<String> recordedArgs() throws Exception {
        return List.of(Files.readString(dir.resolve("args.txt")).strip().split(" "));
    }

    private static String valueAfter(List<String> args, String option) {
        int i = args.indexOf(option);
        assertTrue(i >= 0 && i + 1 < args.size(), option + " missing from " + args);
        return args.get(i + 1);
    }

    @Test
    void trainReferenceGetsTheJavaSidesWarmupAndTimedSteps() throws Exception {
        Path python = fakePython("echo 'pytorch byol arch=resnet18 size=16 batch=2 threads=1 torch=x warmup=1 "
                + "steps=3 median_step_s=0.5000 images_per_s=4.00'");
        CliRunner.Result r = CliRunner.run("bench", "train", "--methods", "byol", "--size", "16", "--batch", "2",
                "--threads", "1", "--warmup", "1", "--steps", "3", "--reference", "--python", python.toString());
        assertEquals(0, r.exitCode(), r.err());
        List<String> args = recordedArgs();
        assertEquals("1", valueAfter(args, "--warmup"));
        assertEquals("3", valueAfter(args, "--steps"));
        assertEquals(repositoryRoot().resolve("tools/reference/pytorch_ssl_step.py").toString(), args.get(0));
        assertEquals("16", valueAfter(args, "--size"));
        assertEquals("2", valueAfter(args, "--batch"));
        assertTrue(r.out().contains("1 warm-up, then median of 3 timed steps per method (Java and PyTorch alike)"),
                r.out());
        assertTrue(r.out().contains("ratio byol java/pytorch"), r.out());
    }

    @Test
    void withProfileTheReferenceProfilesToo() throws Exception {
        Path python = fakePython("echo 'pytorch byol arch=resnet18 size=16 batch=2 threads=1 torch=x warmup=1 "
                + "steps=1 median_step_s=0.5000 images_per_s=4.00 cpu_s_per_step=0.9 sys_s_per_step=0.1 "
                + "minflt_per_step=7'");
        Path traces = dir.resolve("traces");
        CliRunner.Result r = CliRunner.run("bench", "train", "--methods", "byol", "--arch", "tiny_resnet", "--size",
                "16", "--batch", "2", "--threads", "1", "--warmup", "1", "--steps", "1", "--reference", "--profile",
                traces.toString(), "--python", python.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(traces.toString(), valueAfter(recordedArgs(), "--profile"));
        assertTrue(Files.isRegularFile(traces.resolve("java-byol.json")), r.out());
        assertTrue(r.out().matches("(?s).*java byol .* cpu_s_per_step=[0-9.]+ sys_s_per_step=[0-9.]+ "
                + "minflt_per_step=[0-9]+\n.*"), r.out());
    }

    @Test
    void aTrainReferenceThatTimedOtherStepsIsRejected() throws Exception {
        Path python = fakePython("echo 'pytorch byol arch=resnet18 size=16 batch=2 threads=1 torch=x warmup=2 "
                + "steps=10 median_step_s=0.5000 images_per_s=4.00'");
        CliRunner.Result r = CliRunner.run("bench", "train", "--methods", "byol", "--size", "16", "--batch", "2",
                "--threads", "1", "--warmup", "1", "--steps", "1", "--reference", "--python", python.toString());
        assertNotEquals(0, r.exitCode());
        assertTrue(r.err().contains("the reference ran 2 warm-up and 10 timed steps, not 1 and 1"), r.err());
    }

    @Test
    void withoutTheRepositoryRootTheReferenceNamesTheProperty() {
        System.clearProperty(RepositoryFiles.ROOT_PROPERTY);
        CliRunner.Result r = CliRunner.run("bench", "train", "--reference", "--python", "/bin/false");
        assertNotEquals(0, r.exitCode());
        assertTrue(r.err().contains("system property harl.root is not set"), r.err());
    }

    /** One 16 x 16 image, and the .npy label map (all one segment) the fake reference hands back. */
    private Path oneImage() throws Exception {
        Path images = Files.createDirectories(dir.resolve("images"));
        RgbImage im = RgbImage.blank(16, 16);
        ImageFiles.writeImage(im, images.resolve("flat.png"));
        String header = "{'descr': '<i4', 'fortran_order': False, 'shape': (16, 16), }";
        header = header + " ".repeat(63 - (10 + header.length()) % 64) + "\n";
        ByteBuffer npy = ByteBuffer.allocate(10 + header.length() + 16 * 16 * 4).order(ByteOrder.LITTLE_ENDIAN);
        npy.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0)
                .putShort((short) header.length()).put(header.getBytes(StandardCharsets.US_ASCII));
        Files.write(dir.resolve("labels.npy"), npy.array());
        return images;
    }

    /** Answers with the warm-up and timed runs it was given, unless told otherwise. */
    private Path fakeSkimage(String reportedWarmup) throws Exception {
        return fakePython("out=''; w=''; r=''\n"
                + "while [ $# -gt 0 ]; do case \"$1\" in --out) out=$2; shift;; --warmup) w=$2; shift;; "
                + "--runs) r=$2; shift;; esac; shift; done\n"
                + "cp '" + dir.resolve("labels.npy") + "' \"$out\"\n"
                + "echo \"skimage width=16 height=16 segments=1 warmup=" + reportedWarmup + " runs=$r median_ms=2.0\"");
    }

    @Test
    void masksReferenceGetsTheSameWarmupAndRunsAsOurs() throws Exception {
        Path images = oneImage();
        Path python = fakeSkimage("$w");
        CliRunner.Result r = CliRunner.run("bench", "masks", "--images", images.toString(), "--size", "16",
                "--runs", "3", "--python", python.toString());
        assertEquals(0, r.exitCode(), r.err());
        List<String> args = recordedArgs();
        assertEquals(repositoryRoot().resolve("tools/reference/skimage_felzenszwalb.py").toString(), args.get(0));
        assertEquals("10", valueAfter(args, "--warmup")); // the default, as for our FH
        assertEquals("3", valueAfter(args, "--runs"));
        assertTrue(r.out().contains("10 warm-up runs, then median of 3 timed single-thread runs (harl and "
                + "scikit-image alike)"), r.out());
        assertTrue(r.out().matches("(?s).*flat\\.png .* 1/1 +1\\.0000.*"), r.out());

        r = CliRunner.run("bench", "masks", "--images", images.toString(), "--size", "16", "--warmup", "2",
                "--runs", "5", "--python", python.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("2", valueAfter(recordedArgs(), "--warmup"));
        assertEquals("5", valueAfter(recordedArgs(), "--runs"));
    }

    @Test
    void aMasksReferenceThatRanOtherWarmupIsRejected() throws Exception {
        Path images = oneImage();
        CliRunner.Result r = CliRunner.run("bench", "masks", "--images", images.toString(), "--size", "16",
                "--runs", "3", "--python", fakeSkimage("0").toString());
        assertNotEquals(0, r.exitCode());
        assertTrue(r.err().contains("ran 0 warm-up and 3 timed runs, not 10 and 3"), r.err());
    }
}
