package org.harl.cli.bench;

import java.util.List;
import org.harl.cli.SubcommandProvider;

/** Adds {@code harl bench} to the command line when this module's jar is on the class path. */
public final class BenchSubcommands implements SubcommandProvider {

    @Override
    public List<Class<?>> commands() {
        return List.of(BenchCommand.class);
    }
}
