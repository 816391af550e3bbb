package org.harl.testing.fake;

import org.harl.spi.ComponentFactory;
import org.harl.spi.ComponentKind;
import org.harl.spi.PluginContext;

/** A factory of {@link FakeComponent}s for any kind, name and config record. */
public record FakeFactory<C extends Record>(ComponentKind kind, String name, Class<C> configType, C defaults)
        implements ComponentFactory<C, FakeComponent> {

    @Override
    public String description() {
        return "fake " + kind.key() + " for tests";
    }

    @Override
    public FakeComponent create(C config, PluginContext context) {
        return new FakeComponent(kind, name, config, context);
    }
}
