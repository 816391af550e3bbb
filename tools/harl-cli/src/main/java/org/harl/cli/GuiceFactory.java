package org.harl.cli;

import com.google.inject.Injector;
import picocli.CommandLine;

/** Creates picocli commands and version providers with Guice, so commands {@code @Inject} core services. */
final class GuiceFactory implements CommandLine.IFactory {

    private final Injector injector;

    GuiceFactory(Injector injector) {
        this.injector = injector;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        if (type.isAnnotationPresent(CommandLine.Command.class)
                || CommandLine.IVersionProvider.class.isAssignableFrom(type)) {
            return injector.getInstance(type);
        }
        return CommandLine.defaultFactory().create(type);
    }
}
