package org.harl.cli.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.OptionalBinder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.harl.cli.CliRunner;
import org.harl.core.run.RunDirectory;
import org.harl.core.run.ExperimentRunner;
import org.harl.core.run.RunResult;
import org.harl.core.sweep.RunEvaluator;
import org.harl.core.sweep.ResultsCsv;
import org.harl.testing.fake.FakeExperiments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepCommandTest {

    static final String ABLATION = FakeExperiments.ABLATION;

    @TempDir
    Path dir;

    private final List<String> calls = Collections.synchronizedList(new ArrayList<>());

    private AbstractModule engine(boolean withEvaluator) {
        ExperimentRunner runner = (experiment, options) -> {
            calls.add(experiment.name() + " seed=" + experiment.seed() + " group=" + options.group());
            return new RunResult(RunDirectory.of(experiment, options).path(), true,
                    Map.of("wall_s", 3.0, "epochs", experiment.training().epochs()));
        };
        RunEvaluator evaluator = runDir -> Map.of("linear_top1", 0.25, "knn_top1", 0.5, "knn_k", 20,
                "random_init_linear_top1", 0.1, "random_init_knn_top1", 0.1, "random_init_knn_k", 20);
        return new AbstractModule() {
            @Override
            protected void configure() {
                OptionalBinder.newOptionalBinder(binder(), ExperimentRunner.class).setBinding().toInstance(runner);
                if (withEvaluator) {
                    OptionalBinder.newOptionalBinder(binder(), RunEvaluator.class).setBinding().toInstance(evaluator);
                }
            }
        };
    }

    @Test
    void dryRunValidatesAndListsEveryRun() throws Exception {
        Path file = Files.writeString(dir.resolve("tau_abl.yaml"), ABLATION);
        Path sweeps = dir.resolve("sweeps");
        CliRunner.Result r = CliRunner.run("sweep", file.toString(), "--dry-run", "--sweeps-dir", sweeps.toString());
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals("sweep tau_abl (" + file + "): 4 runs = 2 settings, all valid", lines.get(0));
        assertEquals(5, lines.size(), r.out());
        assertTrue(lines.get(1).matches(" +" + sweeps.resolve("tau_abl/tau=0.1/seed0") + " +new"), lines.get(1));
        assertTrue(lines.get(4).contains("tau_abl/tau=0.3/seed1"), lines.get(4));
    }

    @Test
    void dryRunReportsTheErrorsOfEveryRunAtOnce() throws Exception {
        Path file = Files.writeString(dir.resolve("bad.yaml"), ABLATION
                .replace("[0.1, 0.3]", "[0.1, x, 0.5]")
                .replace("backbone: fake_backbone", "backbone: {type: fake_backbone, widht: 3}"));
        CliRunner.Result r = CliRunner.run("sweep", file.toString(), "--dry-run");
        assertEquals(1, r.exitCode());
        assertEquals(file + ":3:33 backbone(fake_backbone).widht: unknown key 'widht'; did you mean 'width'? "
                + "valid keys: width, zero_init_residual, dropout\n"
                + file + ":10:26 loss(fake_loss).tau: expected a number, got 'x' (in tau=x)\n"
                + "harl: 2 errors\n", r.err());
    }

    @Test
    void runsEveryRunThenSkipsThemOnTheNextInvocation() throws Exception {
        Path file = Files.writeString(dir.resolve("tau_abl.yaml"), ABLATION);
        Path sweeps = dir.resolve("sweeps");
        CliRunner.Result r = CliRunner.run(engine(true), "sweep", file.toString(), "--sweeps-dir", sweeps.toString(),
                "--set", "training.epochs=2");
        assertEquals(0, r.exitCode(), r.err() + r.out());
        assertEquals(4, calls.size());
        assertEquals("tau_abl/tau=0.1/seed0 seed=0 group=tau_abl", calls.get(0));
        List<String> csv = Files.readAllLines(sweeps.resolve("tau_abl/results.csv"));
        assertEquals(ResultsCsv.header(), csv.get(0));
        assertEquals("tau=0.3,1," + sweeps.resolve("tau_abl/tau=0.3/seed1") + ",completed,2,3.0,0.5,,0.25,,0.1,0.1,,,,,,,,",
                csv.get(4));
        assertTrue(r.out().endsWith("4/4 runs completed; results: " + sweeps.resolve("tau_abl/results.csv") + ", "
                + sweeps.resolve("tau_abl/results.md") + "\n"), r.out());

        CliRunner.Result again = CliRunner.run(engine(true), "sweep", file.toString(), "--sweeps-dir",
                sweeps.toString(), "--set", "training.epochs=2");
        assertEquals(0, again.exitCode(), again.err());
        assertEquals(4, calls.size(), "completed runs are not trained again");
        assertTrue(again.out().contains("tau_abl/tau=0.1/seed0: already complete, skipped"), again.out());
        CliRunner.Result listed = CliRunner.run("sweep", file.toString(), "--dry-run", "--sweeps-dir",
                sweeps.toString(), "--set", "training.epochs=2");
        assertTrue(listed.out().lines().skip(1).allMatch(l -> l.endsWith(" complete")), listed.out());
        CliRunner.Result changed = CliRunner.run("sweep", file.toString(), "--dry-run", "--sweeps-dir",
                sweeps.toString());
        assertTrue(changed.out().lines().skip(1).allMatch(l -> l.endsWith(
                " complete (with another config: delete it to rerun)")), changed.out());
    }

    @Test
    void evaluationFailuresAreReportedAndNoEvalSkipsIt() throws Exception {
        Path file = Files.writeString(dir.resolve("tau_abl.yaml"), ABLATION);
        Path sweeps = dir.resolve("sweeps");
        // the default evaluator needs a checkpoint, which the fake runner never writes
        CliRunner.Result r = CliRunner.run(engine(false), "sweep", file.toString(), "--sweeps-dir",
                sweeps.toString(), "--only", "tau=0.1", "--seeds", "0");
        assertEquals(1, r.exitCode());
        assertTrue(r.out().contains("tau_abl/tau=0.1/seed0: EVALUATION FAILED: no checkpoint in "), r.out());
        assertTrue(Files.readString(sweeps.resolve("tau_abl/results.csv")).contains(",eval_failed,"));
        CliRunner.Result noEval = CliRunner.run(engine(false), "sweep", file.toString(), "--sweeps-dir",
                sweeps.toString(), "--no-eval");
        assertEquals(0, noEval.exitCode(), noEval.err());
        assertEquals(4, calls.size(), "the completed run is skipped");
    }

    @Test
    void onlyAndSeedsSelectRuns() throws Exception {
        Path file = Files.writeString(dir.resolve("tau_abl.yaml"), ABLATION);
        CliRunner.Result r = CliRunner.run("sweep", file.toString(), "--dry-run", "--only", "tau=0.3",
                "--seeds", "1");
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(2, lines.size(), r.out());
        assertTrue(lines.get(1).contains("tau_abl/tau=0.3/seed1"), r.out());
        CliRunner.Result bad = CliRunner.run("sweep", file.toString(), "--dry-run", "--only", "tau=0.2");
        assertEquals(1, bad.exitCode());
        assertEquals("harl: --only: no setting 'tau=0.2' in " + file + "; settings: tau=0.1, tau=0.3\n", bad.err());
    }

    @Test
    void reuseFromCopiesRunsWithTheSameConfigInsteadOfTrainingThem() throws Exception {
        Path sweeps = dir.resolve("sweeps");
        Path first = Files.writeString(dir.resolve("tau_abl.yaml"), ABLATION);
        assertEquals(0, CliRunner.run(engine(true), "sweep", first.toString(), "--sweeps-dir", sweeps.toString())
                .exitCode());
        assertEquals(4, calls.size());
        Path second = Files.writeString(dir.resolve("tau_more.yaml"), ABLATION.replace("[0.1, 0.3]", "[0.3, 0.5]"));

        CliRunner.Result listed = CliRunner.run("sweep", second.toString(), "--dry-run", "--sweeps-dir",
                sweeps.toString(), "--reuse-from", sweeps.resolve("tau_abl").toString());
        assertTrue(listed.out().contains("tau_more/tau=0.3/seed1 ") && listed.out().contains(
                "new (would reuse " + sweeps.resolve("tau_abl/tau=0.3/seed1") + ")"), listed.out());
        assertEquals(2, listed.out().lines().filter(l -> l.contains("would reuse")).count(), listed.out());

        CliRunner.Result r = CliRunner.run(engine(true), "sweep", second.toString(), "--sweeps-dir",
                sweeps.toString(), "--reuse-from", sweeps.resolve("tau_abl").toString());
        assertEquals(0, r.exitCode(), r.err() + r.out());
        assertEquals(List.of("tau_more/tau=0.5/seed0 seed=0 group=tau_more",
                "tau_more/tau=0.5/seed1 seed=1 group=tau_more"), calls.subList(4, calls.size()));
        assertTrue(r.out().contains("tau_more/tau=0.3/seed0: reused " + sweeps.resolve("tau_abl/tau=0.3/seed0")),
                r.out());
        assertTrue(Files.readString(sweeps.resolve("tau_more/results.csv"))
                .contains("tau=0.3,0," + sweeps.resolve("tau_more/tau=0.3/seed0") + ",completed"));

        CliRunner.Result bad = CliRunner.run("sweep", second.toString(), "--dry-run", "--reuse-from",
                dir.resolve("missing").toString());
        assertEquals(1, bad.exitCode());
        assertEquals("harl: --reuse-from: " + dir.resolve("missing") + " is not a directory\n", bad.err());
    }
}
