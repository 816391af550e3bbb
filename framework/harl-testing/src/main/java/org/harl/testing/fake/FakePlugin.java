package org.harl.testing.fake;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.harl.spi.ComponentFactory;
import org.harl.spi.ComponentKind;
import org.harl.spi.HarlPlugin;

/**
 * A plugin with one factory of each kind ({@code fake_dataset}, {@code fake_backbone}, ...), for core and CLI
 * tests. It is not registered by this module: a test module lists it in its own test
 * {@code META-INF/services/org.harl.spi.HarlPlugin}.
 */
public final class FakePlugin implements HarlPlugin {

    @Override
    public List<ComponentFactory<?, ?>> factories() {
        return List.of(
                new FakeFactory<>(ComponentKind.DATASET, "fake_dataset", FakeConfigs.Dataset.class,
                        new FakeConfigs.Dataset(Path.of("data"), 32, Optional.empty(), List.of(),
                                FakeConfigs.Colour.RGB)),
                new FakeFactory<>(ComponentKind.BACKBONE, "fake_backbone", FakeConfigs.Backbone.class,
                        new FakeConfigs.Backbone(64, true, 0.0)),
                new FakeFactory<>(ComponentKind.AUGMENTATION, "fake_augmentation", FakeConfigs.Augmentation.class,
                        new FakeConfigs.Augmentation(List.of(FakeConfigs.View.defaults(), FakeConfigs.View.defaults()))),
                new FakeFactory<>(ComponentKind.MASK_PROPOSER, "fake_mask_proposer", FakeConfigs.MaskProposer.class,
                        new FakeConfigs.MaskProposer(0.5, 4, new FakeConfigs.Smoothing(2, 1.0))),
                new FakeFactory<>(ComponentKind.LOSS, "fake_loss", FakeConfigs.Loss.class,
                        new FakeConfigs.Loss(0.2, new FakeConfigs.Schedule(1, 1), Map.of("global", 1.0))),
                new FakeFactory<>(ComponentKind.LOSS, "fake_loss_alt", FakeConfigs.Backbone.class,
                        new FakeConfigs.Backbone(8, false, 0.0)),
                new FakeFactory<>(ComponentKind.TRACKER, "fake_tracker", FakeConfigs.Tracker.class,
                        new FakeConfigs.Tracker("")));
    }
}
