package org.harl.cli.masks;

import org.harl.cli.deepmasks.TrainSaliencyCommand;
import picocli.CommandLine.Command;

/** {@code harl masks}: generate, evaluate and inspect foreground masks; train the DRFI forest. */
@Command(name = "masks", mixinStandardHelpOptions = true,
        description = "Foreground masks: generate, eval, show, train-drfi, train-saliency, cache clear.",
        subcommands = {GenerateCommand.class, EvalCommand.class, ShowCommand.class, TrainDrfiCommand.class,
            TrainSaliencyCommand.class, CacheCommand.class})
public final class MasksCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
