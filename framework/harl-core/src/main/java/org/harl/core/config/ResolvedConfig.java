package org.harl.core.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/** Writes the resolved experiment (bases merged, overrides applied, defaults filled in) as block-style YAML. */
public final class ResolvedConfig {

    /** The file name inside each run directory. */
    public static final String FILE_NAME = "config.yaml";

    private ResolvedConfig() {
    }

    /** The YAML text: keys in schema order, block style, deterministic for equal trees. */
    public static String toYaml(Map<String, Object> tree) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setIndicatorIndent(0);
        options.setWidth(120);
        options.setSplitLines(false);
        options.setExplicitStart(false);
        return new Yaml(options).dump(tree);
    }

    /** Writes {@code config.yaml} into {@code runDirectory} (created if needed) and returns its path. */
    public static Path write(ExperimentConfig experiment, Path runDirectory) throws IOException {
        Files.createDirectories(runDirectory);
        Path file = runDirectory.resolve(FILE_NAME);
        Files.writeString(file, toYaml(experiment.resolved()), StandardCharsets.UTF_8);
        return file;
    }
}
