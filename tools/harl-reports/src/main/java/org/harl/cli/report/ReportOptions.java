package org.harl.cli.report;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options shared by the report commands. */
public final class ReportOptions {
    @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "output directory (default: see the command)")
    Path out;

    @Option(names = "--title", description = "report title")
    String title;

    @Option(names = "--no-wandb", description = "only write the local report, even when W&B is reachable")
    boolean noWandb;
}
