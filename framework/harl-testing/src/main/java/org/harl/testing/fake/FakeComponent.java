package org.harl.testing.fake;

import org.harl.spi.ComponentKind;
import org.harl.spi.PluginContext;

/** What every fake factory builds: the kind, name, bound config and context it was built with. */
public record FakeComponent(ComponentKind kind, String name, Record config, PluginContext context) {
}
