package org.harl.core.guice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.AbstractModule;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.OptionalBinder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.harl.core.config.ExperimentConfig;
import org.harl.core.config.ExperimentLoader;
import org.harl.core.config.ResolvedConfig;
import org.harl.core.registry.PluginContexts;
import org.harl.core.registry.PluginRegistry;
import org.harl.core.run.RunDirectory;
import org.harl.core.run.ExperimentRunner;
import org.harl.core.run.RunLauncher;
import org.harl.core.run.RunOptions;
import org.harl.core.run.RunResult;
import org.harl.spi.ComponentKind;
import org.harl.spi.PluginContext;
import org.harl.testing.fake.FakeComponent;
import org.harl.testing.fake.FakeConfigs;
import org.harl.testing.fake.FakePlugin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HarlModuleTest {

    private static final String EXPERIMENT = """
            name: wired
            seed: 11
            dataset: {type: fake_dataset, root: images}
            backbone: fake_backbone
            augmentation: fake_augmentation
            loss: fake_loss
            logging: [fake_tracker]
            """;

    @TempDir
    Path dir;

    @Test
    void theTrainingEngineIsTheDefaultRunner() {
        Injector injector = Harl.injector(new PluginRegistry(List.of(new FakePlugin())));
        Optional<ExperimentRunner> runner = injector.getInstance(Key.get(new TypeLiteral<Optional<ExperimentRunner>>() { }));
        assertTrue(runner.orElseThrow() instanceof org.harl.core.jobs.PretrainJob, runner.toString());
    }

    @Test
    void aBoundRunnerGetsARunDirectoryWithTheResolvedConfig() throws Exception {
        ExperimentRunner runner = (experiment, options) ->
                new RunResult(RunDirectory.of(experiment, options).path(), true, Map.of());
        Injector injector = Harl.injector(new PluginRegistry(List.of(new FakePlugin())), new AbstractModule() {
            @Override
            protected void configure() {
                OptionalBinder.newOptionalBinder(binder(), ExperimentRunner.class).setBinding().toInstance(runner);
            }
        });
        Path file = Files.writeString(dir.resolve("x.yaml"), EXPERIMENT);
        ExperimentConfig experiment = injector.getInstance(ExperimentLoader.class).load(file, List.of());
        RunOptions options = new RunOptions(dir.resolve("runs"), false, null, true);
        RunResult result = injector.getInstance(RunLauncher.class).launch(experiment, options);
        Path written = dir.resolve("runs/wired/config.yaml");
        assertEquals(dir.resolve("runs/wired"), result.directory());
        assertEquals(ResolvedConfig.toYaml(experiment.resolved()), Files.readString(written));

        ExperimentConfig changed = injector.getInstance(ExperimentLoader.class).load(file, List.of("seed=12"));
        RunOptions resume = new RunOptions(dir.resolve("runs"), true, null, true);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> injector.getInstance(RunLauncher.class).launch(changed, resume));
        assertTrue(e.getMessage().contains("differs from the resolved config"), e.getMessage());
        assertTrue(injector.getInstance(RunLauncher.class).launch(experiment, resume).completed());
    }

    @Test
    void pluginContextsResolvePathsAndCreateNestedComponents() throws Exception {
        Injector injector = Harl.injector(new PluginRegistry(List.of(new FakePlugin())));
        Path file = Files.writeString(dir.resolve("x.yaml"), EXPERIMENT);
        ExperimentConfig experiment = injector.getInstance(ExperimentLoader.class).load(file, List.of());
        PluginContext ctx = injector.getInstance(PluginContexts.class).forExperiment(experiment, Optional.empty());
        assertEquals(11, ctx.seed());
        assertEquals(dir.toAbsolutePath().resolve("images"), ctx.resolvePath("images"));
        assertEquals(Path.of("/abs/x"), ctx.resolvePath("/abs/x"));
        FakeComponent mask = (FakeComponent) ctx.createComponent(ComponentKind.MASK_PROPOSER,
                Map.of("type", "fake_mask_proposer", "threshold", 0.25));
        assertEquals(new FakeConfigs.MaskProposer(0.25, 4, new FakeConfigs.Smoothing(2, 1.0)), mask.config());
        assertEquals(ctx, mask.context());
        FakeComponent built = injector.getInstance(PluginContexts.class).create(experiment.dataset(), ctx,
                FakeComponent.class);
        assertEquals("fake_dataset", built.name());
    }
}
