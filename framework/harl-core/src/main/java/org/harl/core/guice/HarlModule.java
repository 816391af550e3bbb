package org.harl.core.guice;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.OptionalBinder;
import org.harl.core.config.ComponentCatalog;
import org.harl.core.jobs.PretrainJob;
import org.harl.core.registry.EncoderOpener;
import org.harl.core.registry.PluginRegistry;
import org.harl.core.run.ExperimentRunner;
import org.harl.core.train.RunEncoderOpener;
import org.harl.core.sweep.RunEvaluator;
import org.harl.core.sweep.SweepEvaluator;

/**
 * Wires the core: the plugin registry (also the {@link ComponentCatalog} of every kind's factories), the encoder
 * opener, and the optional {@link ExperimentRunner} that the training engine binds. Config classes
 * ({@code ExperimentLoader}, {@code ComponentBinder}...) are just-in-time singletons.
 */
public class HarlModule extends AbstractModule {

    private final PluginRegistry registry;

    public HarlModule(PluginRegistry registry) {
        this.registry = registry;
    }

    @Override
    protected void configure() {
        bind(PluginRegistry.class).toInstance(registry);
        bind(ComponentCatalog.class).toInstance(registry);
        // PluginContext.openEncoder: plugins reach trained runs through the SPI, not the training code
        bind(EncoderOpener.class).to(RunEncoderOpener.class);
        // The training engine; tests and tools may override it with OptionalBinder.setBinding in their own module.
        OptionalBinder.newOptionalBinder(binder(), ExperimentRunner.class).setDefault().to(PretrainJob.class);
        // Evaluation after each sweep run (linear probe + kNN on the frozen encoder), set with the training engine.
        OptionalBinder.newOptionalBinder(binder(), RunEvaluator.class).setDefault().to(SweepEvaluator.class);
    }
}
