package org.harl.spark;

import com.google.inject.Injector;
import org.harl.core.guice.Harl;

/**
 * The harl injector of an executor JVM, built on first use and kept: plugins are discovered once per executor, not
 * once per task. In local mode the driver JVM is the executor.
 */
final class ExecutorHarl {

    private static Injector injector;

    private ExecutorHarl() {
    }

    static synchronized Injector injector() {
        if (injector == null) {
            injector = Harl.injector();
        }
        return injector;
    }

    static <T> T get(Class<T> type) {
        return injector().getInstance(type);
    }
}
