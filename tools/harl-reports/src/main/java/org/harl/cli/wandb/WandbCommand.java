package org.harl.cli.wandb;

import picocli.CommandLine.Command;

/** {@code harl wandb}: W&B utilities. */
@Command(name = "wandb", mixinStandardHelpOptions = true, description = "Weights & Biases utilities.",
        subcommands = {WandbSyncCommand.class})
public final class WandbCommand {
}
