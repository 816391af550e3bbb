package org.harl.core.registry;

/** Plugins could not be loaded or a component is not registered. */
public class PluginLoadException extends RuntimeException {
    public PluginLoadException(String message) {
        super(message);
    }
}
