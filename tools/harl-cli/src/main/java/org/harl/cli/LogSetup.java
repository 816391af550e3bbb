package org.harl.cli;

import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Logging for the command line. Everything logs through SLF4J into slf4j-simple, configured by
 * {@code simplelogger.properties}; libraries that use java.util.logging (Guice, OkHttp, Tribuo) are routed there
 * too, so every record is one line. slf4j-simple reads its levels when a logger is created, so {@code --verbose}
 * is applied before anything logs, from the raw arguments.
 */
final class LogSetup {
    static final String VERBOSE = "--verbose";

    private LogSetup() {
    }

    static void configure(String[] args) {
        if (verbose(args)) {
            setUnlessGiven("org.slf4j.simpleLogger.log.org.harl", "debug");
            setUnlessGiven("org.slf4j.simpleLogger.log.ai.djl", "info");
        }
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
    }

    /** Whether {@code --verbose} is among the options (not after a {@code --} end of options). */
    static boolean verbose(String[] args) {
        for (String a : args) {
            if (a.equals("--")) {
                return false;
            }
            if (a.equals(VERBOSE)) {
                return true;
            }
        }
        return false;
    }

    /** A level given on the java command line (-D...) wins over --verbose. */
    private static void setUnlessGiven(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
