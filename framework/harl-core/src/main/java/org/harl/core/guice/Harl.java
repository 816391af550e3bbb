package org.harl.core.guice;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import java.util.ArrayList;
import java.util.List;
import org.harl.core.registry.PluginRegistry;

/** Entry point: discovers the plugins on the classpath and builds the injector. */
public final class Harl {

    private Harl() {
    }

    /** The injector over every plugin found by {@link java.util.ServiceLoader}, plus {@code extra} modules. */
    public static Injector injector(Module... extra) {
        return injector(PluginRegistry.discover(), extra);
    }

    /** The injector over a given registry (tests), plus {@code extra} modules. */
    public static Injector injector(PluginRegistry registry, Module... extra) {
        List<Module> modules = new ArrayList<>();
        modules.add(new HarlModule(registry));
        modules.addAll(List.of(extra));
        return Guice.createInjector(modules);
    }
}
