package org.harl.core.config;

import static org.harl.core.config.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResolvedConfigTest {

    @TempDir
    Path dir;

    @Test
    void resolvedConfigIsBlockStyleDeterministicAndLoadsBackToTheSameExperiment() throws Exception {
        Path f = write(dir, "x.yaml", Fixtures.VALID);
        ExperimentConfig c = Fixtures.loader().load(f, List.of("dataset.limit=5"));
        Path written = ResolvedConfig.write(c, dir.resolve("runs/demo"));
        String text = Files.readString(written);
        assertEquals(ResolvedConfig.toYaml(Fixtures.loader().load(f, List.of("dataset.limit=5")).resolved()), text);
        assertEquals(String.join("\n",
                "name: demo",
                "seed: 7",
                "dataset:",
                "  type: fake_dataset",
                "  root: images",
                "  image_size: 32",
                "  limit: 5",
                "  classes: []",
                "  colour: rgb",
                "backbone:",
                "  type: fake_backbone",
                "  width: 64",
                "  zero_init_residual: true",
                "  dropout: 0.0",
                "augmentation:",
                "  type: fake_augmentation",
                "  views:",
                "  - min_scale: 0.08",
                "    solarize: 0.0",
                "  - min_scale: 0.08",
                "    solarize: 0.0",
                "loss:",
                "  type: fake_loss",
                "  tau: 0.1",
                "  weight:",
                "    start: 1.0",
                "    end: 1.0",
                "  terms:",
                "    global: 1.0",
                "training:"), text.substring(0, text.indexOf("\n  epochs:")));
        ExperimentConfig again = Fixtures.loader().load(written, List.of());
        assertEquals(c.resolved(), again.resolved());
        assertEquals(c.training(), again.training());
        assertEquals(c.dataset().config(), again.dataset().config());
    }
}
