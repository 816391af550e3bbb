package org.harl.cli.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code harl bench}: throughput benchmarks (CLI only, never tests). */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks: training steps, data pipeline, mask proposers, memory.",
        subcommands = {BenchTrainCommand.class, BenchDataCommand.class, BenchMasksCommand.class,
            BenchMemoryCommand.class, BenchRunCommand.class})
public final class BenchCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: train, data, masks or memory");
    }
}
