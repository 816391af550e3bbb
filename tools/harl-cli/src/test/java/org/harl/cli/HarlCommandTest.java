package org.harl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.OptionalBinder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.harl.core.run.RunDirectory;
import org.harl.core.run.ExperimentRunner;
import org.harl.core.run.RunResult;
import org.harl.testing.fake.FakeExperiments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HarlCommandTest {

    static final String VALID = FakeExperiments.experiment("cli_demo");

    @TempDir
    Path dir;

    @Test
    void configCheckPrintsOkAndExitsZeroForValidFiles() throws Exception {
        Path a = Files.writeString(dir.resolve("a.yaml"), VALID);
        Path b = Files.writeString(dir.resolve("b.yaml"), VALID.replace("cli_demo", "other"));
        CliRunner.Result r = CliRunner.run("config", "check", a.toString(), b.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("ok: " + a + "\nok: " + b + "\n", r.out().replace("\r\n", "\n"));
        assertEquals("", r.err());
    }

    @Test
    void configCheckReportsMisspeltKeyWithLineColumnAndSuggestionAndExitsOne() throws Exception {
        Path good = Files.writeString(dir.resolve("good.yaml"), VALID);
        Path bad = Files.writeString(dir.resolve("bad.yaml"), VALID.replace("  tau: 0.1", "  tua: 0.1"));
        CliRunner.Result r = CliRunner.run("config", "check", good.toString(), bad.toString());
        assertEquals(1, r.exitCode());
        assertEquals("ok: " + good + "\n", r.out());
        assertEquals(bad + ":7:3 loss(fake_loss).tua: unknown key 'tua'; did you mean 'tau'? valid keys: tau, "
                + "weight, terms\ninvalid: " + bad + " (1 error)\n", r.err());
    }

    @Test
    void configCheckOfAMissingFileExitsOne() {
        CliRunner.Result r = CliRunner.run("config", "check", dir.resolve("nope.yaml").toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.err().startsWith(dir.resolve("nope.yaml") + ": file not found"), r.err());
    }

    @Test
    void configCheckValidatesTheExperimentOfAnAblation() throws Exception {
        Path abl = Files.writeString(dir.resolve("abl.yaml"), VALID + "sweep: {seeds: [0, 1]}\n");
        assertEquals(0, CliRunner.run("config", "check", abl.toString()).exitCode());
        Files.writeString(abl, VALID.replace("fake_backbone", "fake_bakbone") + "sweep: {seeds: [0, 1]}\n");
        CliRunner.Result r = CliRunner.run("config", "check", abl.toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains(":3:11 backbone.type: unknown backbone 'fake_bakbone'; did you mean "
                + "'fake_backbone'?"), r.err());
    }

    @Test
    void configShowPrintsTheResolvedConfig() throws Exception {
        Path f = Files.writeString(dir.resolve("x.yaml"), VALID);
        CliRunner.Result r = CliRunner.run("config", "show", f.toString(), "--set", "seed=5");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("name: cli_demo\nseed: 5\ndataset:\n  type: fake_dataset\n  root: images\n"),
                r.out());
        assertTrue(r.out().contains("\nlogging:\n- type: fake_tracker\n  prefix: ''\n"), r.out());
    }

    @Test
    void pluginsListShowsEveryKindWithConfigDefaults() {
        CliRunner.Result r = CliRunner.run("plugins", "list");
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).matches("KIND +NAME +PLUGIN +CONFIG"), lines.get(0));
        assertTrue(lines.stream().anyMatch(l -> l.matches("loss +fake_loss +FakePlugin +tau=0.2, "
                + "weight=\\{start: 1.0, end: 1.0}, terms=\\{global: 1.0}")), r.out());
        assertTrue(lines.stream().anyMatch(l -> l.matches("dataset +fake_dataset +FakePlugin +root=\\(required\\), "
                + "image_size=32, limit=null, classes=\\[], colour=rgb")), r.out());
        for (String kind : List.of("backbone", "augmentation", "mask_proposer", "tracker")) {
            assertTrue(lines.stream().anyMatch(l -> l.startsWith(kind + " ")), kind + " missing in\n" + r.out());
        }
    }

    @Test
    void pluginsDescribeShowsKeysTypesDefaultsAndDocs() {
        CliRunner.Result r = CliRunner.run("plugins", "describe", "dataset", "fake_dataset");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("dataset fake_dataset: fake dataset for tests\n"
                + "plugin: FakePlugin (org.harl.testing.fake.FakePlugin)\n"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("root +path +\\(required\\) +image folder")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("colour +rgb\\|grey_scale +rgb +colour mode")), r.out());
        CliRunner.Result unknown = CliRunner.run("plugins", "describe", "loss", "fake_los");
        assertEquals(1, unknown.exitCode());
        assertTrue(unknown.err().startsWith("harl: unknown loss 'fake_los'; did you mean 'fake_loss'?"),
                unknown.err());
    }

    @Test
    void runWithTheDefaultEngineFailsClearlyOnComponentsItCannotTrain() throws Exception {
        Path f = Files.writeString(dir.resolve("x.yaml"), VALID);
        CliRunner.Result r = CliRunner.run("run", f.toString(), "--runs-dir", dir.resolve("runs").toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.err().startsWith("harl: backbone 'fake_backbone' builds a org.harl.testing.fake.FakeComponent, "
                + "which is not a org.harl.spi.backbone.Backbone"), r.err());
    }

    @Test
    void runLoadsWithOverridesAndHandsTheExperimentToTheRunner() throws Exception {
        Path f = Files.writeString(dir.resolve("x.yaml"), VALID);
        ExperimentRunner runner = (experiment, options) -> new RunResult(RunDirectory.of(experiment, options).path(), experiment.training().epochs() == 3, Map.of());
        AbstractModule module = new AbstractModule() {
            @Override
            protected void configure() {
                OptionalBinder.newOptionalBinder(binder(), ExperimentRunner.class).setBinding().toInstance(runner);
            }
        };
        Path runs = dir.resolve("runs");
        CliRunner.Result r = CliRunner.run(module, "run", f.toString(), "--set", "training.epochs=3",
                "--runs-dir", runs.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("completed: " + runs.resolve("cli_demo") + "\n", r.out());
        assertTrue(Files.readString(runs.resolve("cli_demo/config.yaml")).contains("\n  epochs: 3\n"));
        CliRunner.Result bad = CliRunner.run(module, "run", f.toString(), "--set", "training.epochs=x");
        assertEquals(1, bad.exitCode());
        assertEquals("--set training.epochs=x training.epochs: expected an integer, got 'x'\nharl: 1 error\n",
                bad.err());
    }

    @Test
    void versionAndUsage() {
        CliRunner.Result v = CliRunner.run("--version");
        assertEquals(0, v.exitCode());
        assertTrue(v.out().startsWith("harl 0.1.0-SNAPSHOT\n"), v.out());
        CliRunner.Result none = CliRunner.run();
        assertEquals(2, none.exitCode());
        assertTrue(none.err().contains("Missing subcommand") && none.err().contains("Usage: harl"), none.err());
    }

    /** The product CLI carries no developer tools: bench, report and wandb come from their own jars. */
    @Test
    void developerToolsAreNotPartOfTheProductCli() {
        for (String tool : List.of("bench", "report", "wandb")) {
            CliRunner.Result r = CliRunner.run(tool);
            assertEquals(2, r.exitCode(), tool + ": " + r.out());
            assertTrue(r.err().contains("Unmatched argument at index 0: '" + tool + "'"), r.err());
        }
    }
}
