package org.harl.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.harl.spi.ComponentKind;
import org.harl.testing.fake.FakeConfigs;
import org.junit.jupiter.api.Test;

class ComponentBinderTest {

    private final ComponentBinder binder = new ComponentBinder(Fixtures.registry());

    @Test
    void bindsANamedComponentWithCommandLineOverrides() {
        ComponentSpec spec = binder.bind(ComponentKind.MASK_PROPOSER, "fake_mask_proposer",
                List.of("threshold=0.4", "smoothing.radius=7"));
        assertEquals(new FakeConfigs.MaskProposer(0.4, 4, new FakeConfigs.Smoothing(7, 1.0)), spec.config());
        assertEquals(Map.of("type", "fake_mask_proposer", "threshold", 0.4, "cells", 4L,
                "smoothing", Map.of("radius", 7L, "sigma", 1.0)), spec.raw());
        ConfigException e = assertThrows(ConfigException.class,
                () -> binder.bind(ComponentKind.MASK_PROPOSER, "fake_mask_proposer", List.of("treshold=0.4")));
        assertEquals(List.of("--set treshold=0.4 mask_proposer(fake_mask_proposer).treshold: unknown key "
                + "'treshold'; did you mean 'threshold'? valid keys: threshold, cells, smoothing"),
                e.errors().stream().map(ConfigError::toString).toList());
    }

    @Test
    void bindsAComponentMapBuiltInMemory() {
        ComponentSpec spec = binder.bind(ComponentKind.LOSS, Map.of("type", "fake_loss", "weight", 0.5),
                Path.of("plugin.yaml"));
        assertEquals(new FakeConfigs.Schedule(0.5, 0.5), spec.config(FakeConfigs.Loss.class).weight());
        ConfigException e = assertThrows(ConfigException.class,
                () -> binder.bind(ComponentKind.LOSS, Map.of("tau", 1), Path.of("plugin.yaml")));
        assertEquals(List.of("plugin.yaml loss: missing key 'type'; registered loss names: fake_loss, fake_loss_alt"),
                e.errors().stream().map(ConfigError::toString).toList());
    }
}
