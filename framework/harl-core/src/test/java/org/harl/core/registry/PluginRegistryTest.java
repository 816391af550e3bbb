package org.harl.core.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import org.harl.spi.ComponentFactory;
import org.harl.spi.ComponentKind;
import org.harl.spi.HarlPlugin;
import org.harl.testing.fake.FakeConfigs;
import org.harl.testing.fake.FakeFactory;
import org.harl.testing.fake.FakePlugin;
import org.junit.jupiter.api.Test;

class PluginRegistryTest {

    /** A second plugin that claims a loss name the fake plugin already registered. */
    static final class ClashingPlugin implements HarlPlugin {
        @Override
        public List<ComponentFactory<?, ?>> factories() {
            return List.of(new FakeFactory<>(ComponentKind.LOSS, "fake_loss", FakeConfigs.Tracker.class,
                    new FakeConfigs.Tracker("")));
        }
    }

    @Test
    void serviceLoaderFindsAFactoryOfEveryKind() {
        PluginRegistry registry = PluginRegistry.discover();
        assertTrue(registry.plugins().stream().anyMatch(p -> p instanceof FakePlugin), registry.plugins().toString());
        for (ComponentKind kind : ComponentKind.values()) {
            assertTrue(registry.names(kind).contains("fake_" + kind.key()) || kind == ComponentKind.TRACKER,
                    kind + ": " + registry.names(kind));
        }
        assertEquals(List.of("fake_tracker"), registry.names(ComponentKind.TRACKER));
        assertEquals(List.of("fake_loss", "fake_loss_alt"), registry.names(ComponentKind.LOSS));
        assertEquals(FakePlugin.class, registry.ownerOf(registry.factory(ComponentKind.LOSS, "fake_loss")).getClass());
    }

    @Test
    void duplicateKindAndNameIsRejectedNamingBothClasses() {
        PluginLoadException e = assertThrows(PluginLoadException.class,
                () -> new PluginRegistry(List.of(new FakePlugin(), new ClashingPlugin())));
        assertTrue(e.getMessage().startsWith("Duplicate loss 'fake_loss'"), e.getMessage());
        assertTrue(e.getMessage().contains(FakePlugin.class.getName()), e.getMessage());
        assertTrue(e.getMessage().contains(ClashingPlugin.class.getName()), e.getMessage());
    }

    @Test
    void noPluginsIsRejected() throws Exception {
        try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
            PluginLoadException e = assertThrows(PluginLoadException.class, () -> PluginRegistry.discover(empty));
            assertTrue(e.getMessage().contains("No plugins found"), e.getMessage());
        }
    }

    @Test
    void unknownNameListsRegisteredNamesPluginsAndASuggestion() {
        PluginRegistry registry = new PluginRegistry(List.of(new FakePlugin()));
        PluginLoadException e = assertThrows(PluginLoadException.class,
                () -> registry.factory(ComponentKind.LOSS, "fake_los"));
        assertEquals("unknown loss 'fake_los'; did you mean 'fake_loss'? registered: fake_loss, fake_loss_alt; "
                + "loaded plugins: " + FakePlugin.class.getName(), e.getMessage());
    }
}
