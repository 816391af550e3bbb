package org.harl.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.harl.core.config.ConfigException;
import org.harl.core.config.ExperimentConfig;
import org.harl.core.sweep.ExperimentFiles;
import org.harl.core.guice.Harl;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every experiment under {@code experiments/} and every ablation under {@code ablations/} loads and binds with the
 * real plugins. Files in folders whose name starts with {@code _} (such as {@code experiments/_base/}) are
 * fragments that other files inherit, not experiments, and are checked through those files.
 */
class ExperimentFilesTest {

    private static final ExperimentFiles FILES = Harl.injector().getInstance(ExperimentFiles.class);

    static Path repositoryRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("tools/harl-cli/pom.xml"))) {
                return p;
            }
        }
        throw new IllegalStateException("no repository root above " + Path.of("").toAbsolutePath());
    }

    static Stream<Path> experimentFiles() throws IOException {
        Path root = repositoryRoot();
        List<Path> files = new java.util.ArrayList<>();
        for (String dir : List.of("experiments", "ablations")) {
            if (Files.isDirectory(root.resolve(dir))) {
                try (Stream<Path> walk = Files.walk(root.resolve(dir))) {
                    walk.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                            .filter(p -> Stream.of(root.relativize(p).toString().split("/"))
                                    .noneMatch(part -> part.startsWith("_")))
                            .sorted().forEach(p -> files.add(root.relativize(p)));
                }
            }
        }
        return files.stream();
    }

    @Test
    void findsTheRepositorysExperimentFiles() throws IOException {
        List<Path> files = experimentFiles().toList();
        assertTrue(files.contains(Path.of("experiments/quickstart.yaml")), "experiments/quickstart.yaml not among "
                + files.size() + " files found under " + repositoryRoot());
        assertTrue(files.stream().anyMatch(p -> p.startsWith("ablations")), "no ablation file found under "
                + repositoryRoot().resolve("ablations"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("experimentFiles")
    void fileIsValid(Path relative) {
        try {
            List<ExperimentConfig> configs = FILES.expand(repositoryRoot().resolve(relative), List.of());
            assertFalse(configs.isEmpty(), relative + " describes no experiment");
            for (ExperimentConfig c : configs) {
                c.maskProposer().filter(m -> m.type().equals("saliency_head")).ifPresent(m -> {
                    // relative paths resolve against the YAML file; encoders are trained into the root's runs/,
                    // or committed with the repository (a run directory with its config.yaml)
                    Path encoder = c.source().getParent().resolve((String) m.raw().get("encoder")).normalize();
                    boolean committed = encoder.startsWith(repositoryRoot())
                            && Files.isRegularFile(encoder.resolve("config.yaml"));
                    assertTrue(encoder.startsWith(repositoryRoot().resolve("runs")) || committed, relative + ": "
                            + c.name() + " reads its encoder from " + encoder + ", neither the repository's runs/ "
                            + "folder (write ../runs/NAME in files under experiments/ and ablations/) nor a "
                            + "committed run directory with a config.yaml");
                });
            }
        } catch (ConfigException e) {
            Assertions.fail(relative + " is invalid:\n" + e.getMessage());
        }
    }
}
