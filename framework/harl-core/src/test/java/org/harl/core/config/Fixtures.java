package org.harl.core.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.harl.core.registry.PluginRegistry;
import org.harl.testing.fake.FakePlugin;

/** Loaders over the fake plugin, and YAML files written into a test's temporary directory. */
final class Fixtures {

    /** A complete valid experiment over the fake plugin; line numbers matter to the tests. */
    static final String VALID = """
            name: demo
            seed: 7
            dataset:
              type: fake_dataset
              root: images
            backbone: fake_backbone
            augmentation: fake_augmentation
            loss:
              type: fake_loss
              tau: 0.1
            training:
              epochs: 2
              batch_size: 4
            logging: [fake_tracker]
            """;

    private Fixtures() {
    }

    static PluginRegistry registry() {
        return new PluginRegistry(List.of(new FakePlugin()));
    }

    static ExperimentLoader loader() {
        return new ExperimentLoader(new ExperimentBinder(new ComponentBinder(registry())));
    }

    static Path write(Path dir, String name, String text) {
        try {
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The error lines a load produces. */
    static List<String> errors(Path file, List<String> overrides) {
        try {
            loader().load(file, overrides);
        } catch (ConfigException e) {
            return e.errors().stream().map(ConfigError::toString).toList();
        }
        throw new AssertionError("expected " + file + " to be invalid");
    }
}
