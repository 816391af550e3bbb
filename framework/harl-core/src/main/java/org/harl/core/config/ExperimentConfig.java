package org.harl.core.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A fully bound experiment: every section validated, every component's config record built.
 *
 * @param name         run name ({@code runs/<name>})
 * @param seed         master seed
 * @param dataset      {@code dataset:}
 * @param backbone     {@code backbone:}
 * @param augmentation {@code augmentation:}
 * @param maskProposer {@code mask_proposer:}; empty for methods that use no masks
 * @param loss         {@code loss:}
 * @param training     {@code training:}
 * @param optimizer    {@code optimizer:}
 * @param heads        {@code heads:}
 * @param monitor      {@code monitor:}
 * @param logging      {@code logging:} trackers
 * @param resolved     the resolved YAML tree (after base merge and overrides), written to the run directory
 * @param source       the YAML file it came from (relative paths resolve against its directory)
 */
public record ExperimentConfig(
        String name,
        long seed,
        ComponentSpec dataset,
        ComponentSpec backbone,
        ComponentSpec augmentation,
        Optional<ComponentSpec> maskProposer,
        ComponentSpec loss,
        TrainingConfig training,
        OptimizerConfig optimizer,
        HeadsConfig heads,
        MonitorConfig monitor,
        List<ComponentSpec> logging,
        Map<String, Object> resolved,
        Path source) {

    public ExperimentConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(backbone, "backbone");
        Objects.requireNonNull(augmentation, "augmentation");
        Objects.requireNonNull(maskProposer, "maskProposer");
        Objects.requireNonNull(loss, "loss");
        Objects.requireNonNull(training, "training");
        Objects.requireNonNull(optimizer, "optimizer");
        Objects.requireNonNull(heads, "heads");
        Objects.requireNonNull(monitor, "monitor");
        logging = List.copyOf(logging);
    }
}
