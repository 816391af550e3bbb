package org.harl.testing.fake;

/** Experiment and ablation files over {@link FakePlugin}'s components, shared by the core's and the CLI's tests. */
public final class FakeExperiments {

    private FakeExperiments() {
    }

    /** A valid experiment named {@code name}, one component of each kind; {@code loss.tau} is 0.1. */
    public static String experiment(String name) {
        return """
                name: %s
                dataset: {type: fake_dataset, root: images}
                backbone: fake_backbone
                augmentation: fake_augmentation
                loss:
                  type: fake_loss
                  tau: 0.1
                logging: [fake_tracker]
                """.formatted(name);
    }

    /** An ablation of {@link #experiment}: {@code loss.tau} in [0.1, 0.3] x seeds [0, 1], four runs. */
    public static final String ABLATION = experiment("ignored") + """
            sweep:
              grid: {loss.tau: [0.1, 0.3]}
              seeds: [0, 1]
            """;
}
