package org.harl.cli;

import java.util.List;

/**
 * Top-level {@code harl} subcommands that a jar beside the CLI adds, found with {@link java.util.ServiceLoader}
 * (listed in {@code META-INF/services/org.harl.cli.SubcommandProvider}). The developer tools (tools/harl-bench,
 * tools/harl-reports) come in this way, so the product CLI module carries none of their code; the {@code harl}
 * launcher puts their jars on the class path of a repository checkout.
 */
public interface SubcommandProvider {

    /** picocli {@code @Command} classes, built through the CLI's Guice factory like the built-in commands. */
    List<Class<?>> commands();
}
