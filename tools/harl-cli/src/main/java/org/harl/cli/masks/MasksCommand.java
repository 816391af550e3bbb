package org.harl.cli.masks;

import picocli.CommandLine.Command;

/** {@code harl masks}: generate, evaluate and inspect foreground masks; train the DRFI forest. */
@Command(name = "masks", mixinStandardHelpOptions = true,
        description = "Foreground masks: generate, eval, show, train-drfi.",
        subcommands = {GenerateCommand.class, EvalCommand.class, ShowCommand.class, TrainDrfiCommand.class})
public final class MasksCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
