package org.harl.cli.report;

import picocli.CommandLine.Command;

/** {@code harl report}: local Markdown + PNG reports, mirrored to W&B when online. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write Markdown + PNG reports of runs and sweeps (and W&B reports when online).",
        subcommands = {PretrainReportCommand.class, AblationReportCommand.class})
public final class ReportCommand {
}
