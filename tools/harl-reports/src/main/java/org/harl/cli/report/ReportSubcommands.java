package org.harl.cli.report;

import java.util.List;
import org.harl.cli.SubcommandProvider;
import org.harl.cli.wandb.WandbCommand;

/** Adds {@code harl report} and {@code harl wandb} to the command line when this module's jar is on the class path. */
public final class ReportSubcommands implements SubcommandProvider {

    @Override
    public List<Class<?>> commands() {
        return List.of(ReportCommand.class, WandbCommand.class);
    }
}
