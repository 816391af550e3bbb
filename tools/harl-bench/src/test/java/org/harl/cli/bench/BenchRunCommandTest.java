package org.harl.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.harl.cli.CliRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code harl bench run --reference}: a real (tiny) harl run, then the reference gets the exported data, the same
 * budget (steps x batch), seed and threads; a reference that trained another number of steps is rejected. The
 * "python" is a shell script standing in for both reference tools.
 */
class BenchRunCommandTest {

    private static final String EXPERIMENT = """
            name: tiny
            seed: 3
            dataset: {type: synthetic_objects, image_size: 32, train_size: 24, test_size: 8, classes: 3}
            backbone: {type: tiny_resnet, stem: small, widths: [4, 8], blocks_per_stage: 1}
            augmentation: {type: byol, size: 16}
            loss: byol
            training: {epochs: 1, batch_size: 4, steps_per_epoch: 2, workers: 1, threads: 1}
            heads: {projector_hidden: 16, projection_size: 8, predictor_hidden: 16}
            monitor: {bank_size: 24, test_size: 8, k: 3}
            logging: [jsonl]
            """;

    @TempDir
    Path dir;

    private String savedRoot;

    @BeforeEach
    void pointAtTheRepository() {
        savedRoot = System.getProperty(RepositoryFiles.ROOT_PROPERTY);
        System.setProperty(RepositoryFiles.ROOT_PROPERTY, BenchReferenceTest.repositoryRoot().toString());
    }

    @AfterEach
    void restore() {
        if (savedRoot == null) {
            System.clearProperty(RepositoryFiles.ROOT_PROPERTY);
        } else {
            System.setProperty(RepositoryFiles.ROOT_PROPERTY, savedRoot);
        }
    }

    /** Records byol_budget.py's arguments and writes its result row, reporting {@code steps} steps. */
    private Path fakePython(String steps) throws Exception {
        Path script = dir.resolve("python");
        Files.writeString(script, "#!/bin/sh\ncase \"$1\" in *byol_budget.py) echo \"$@\" > '" + dir.resolve("args.txt")
                + "';; *) exit 0;; esac\n"
                + "out=''; while [ $# -gt 0 ]; do case \"$1\" in --out) out=$2; shift;; esac; shift; done\n"
                + "echo '{\"variant\": \"bs256\", \"seed\": 3, \"steps\": " + steps + ", \"seconds\": 0.5, "
                + "\"train_seconds\": 0.25, \"torch\": \"x\"}' > \"$out\"\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    private CliRunner.Result bench(Path python) throws Exception {
        Path yaml = Files.writeString(dir.resolve("tiny.yaml"), EXPERIMENT);
        return CliRunner.run("bench", "run", "--experiment", yaml.toString(), "--epochs", "1", "--reference",
                "--work", dir.resolve("work").toString(), "--python", python.toString());
    }

    @Test
    void theReferenceTrainsTheSameBudgetSeedAndThreadsOnTheExportedData() throws Exception {
        CliRunner.Result r = bench(fakePython("2"));
        assertEquals(0, r.exitCode(), r.err());
        List<String> args = List.of(Files.readString(dir.resolve("args.txt")).strip().split(" "));
        assertEquals("8", args.get(args.indexOf("--budgets") + 1), args.toString()); // 2 steps x batch 4
        assertEquals("3", args.get(args.indexOf("--seeds") + 1));
        assertEquals("1", args.get(args.indexOf("--threads") + 1));
        assertEquals("cpu", args.get(args.indexOf("--device") + 1));
        assertTrue(Files.isDirectory(dir.resolve("work/export/train/images")), "exported training split");
        assertTrue(r.out().matches("(?s).*java tiny epochs=1 steps=2 batch=4 threads=1 wall_s=[0-9.]+ "
                + "images_per_s=[0-9.]+\\njava phases: data_wait_s=[0-9.]+ step_s=[0-9.]+ monitor_s=[0-9.]+ "
                + "checkpoint_s=[0-9.]+; training loop \\(steps \\+ data wait\\) images_per_s=[0-9.]+\\n"
                + ".*pytorch tiny variant=bs256 steps=2 .*seconds=0\\.5 images_per_s=16\\.0 train_seconds=0\\.3 "
                + "training loop images_per_s=32\\.0\\n"
                + "ratio java/pytorch = [0-9.]+ \\(end to end\\); [0-9.]+ \\(training loop alone\\)\\n.*"),
                r.out());
    }

    @Test
    void repeatAlternatesJavaAndReferenceRunsAndSummarisesThePairs() throws Exception {
        Path yaml = Files.writeString(dir.resolve("tiny.yaml"), EXPERIMENT);
        CliRunner.Result r = CliRunner.run("bench", "run", "--experiment", yaml.toString(), "--epochs", "1",
                "--reference", "--repeat", "2", "--work", dir.resolve("work").toString(), "--python",
                fakePython("2").toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().matches("(?s).*== round 1 of 2\n.*java tiny .*\n.*pytorch tiny .*\nratio java/pytorch = .*"
                + "== round 2 of 2\n.*java tiny .*\n.*pytorch tiny .*\nratio java/pytorch = .*\n"
                + "over 2 alternating pairs: ratio java/pytorch median [0-9.]+ \\(range [0-9.]+-[0-9.]+\\) end to "
                + "end; median [0-9.]+ \\(range [0-9.]+-[0-9.]+\\) training loop alone\n.*"), r.out());
        assertTrue(Files.isDirectory(dir.resolve("work/runs1")) && Files.isDirectory(dir.resolve("work/runs2")),
                "each Java run trains from scratch in its own folder");
    }

    @Test
    void medianOfOddAndEvenCounts() {
        assertEquals(2.0, BenchRunCommand.median(List.of(3.0, 1.0, 2.0)));
        assertEquals(2.5, BenchRunCommand.median(List.of(4.0, 1.0, 2.0, 3.0)));
    }

    @Test
    void aReferenceThatTrainedOtherStepsIsRejected() throws Exception {
        CliRunner.Result r = bench(fakePython("5"));
        assertNotEquals(0, r.exitCode());
        assertTrue(r.err().contains("the reference trained 5 steps, the Java run 2"), r.err());
    }
}
