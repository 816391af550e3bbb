package org.harl.plugins.deepmasks;

import org.harl.spi.config.Doc;
import org.harl.spi.config.InvalidConfigException;
import org.harl.spi.config.Required;
import org.harl.spi.encoder.FeatureStage;

/**
 * Settings of the {@code saliency_head} mask proposer.
 *
 * @param encoder      run directory of the trained encoder
 * @param head         the head's params file; empty = {@code <encoder>/saliency_head.params}
 * @param threshold    probability threshold
 * @param minComponent smallest kept foreground component, fraction of the image area
 * @param soft         return probabilities instead of a binary mask
 * @param batchSize    images per encoder forward pass in batched use
 * @param inputSide    side images are resized to for the encoder; 0 = the side the head was trained at
 * @param featureStage the encoder map the head sits on, {@code c5} or {@code c4}; must match the head's
 */
public record SaliencyHeadConfig(
        @Required @Doc("run directory of the trained encoder (e.g. runs/quickstart); train its head first with "
                + "`harl masks train-saliency --encoder RUN_DIR`") String encoder,
        @Doc("params file of the head; empty = saliency_head.params inside the encoder's run directory") String head,
        @Doc("a pixel is foreground when its upsampled probability is above this") double threshold,
        @Doc("foreground components smaller than this fraction of the image are removed (0 keeps all)")
        double minComponent,
        @Doc("return the probability map instead of a binary mask") boolean soft,
        @Doc("images per encoder forward pass when many samples are proposed at once") int batchSize,
        @Doc("square side images are resized to before the encoder; 0 = the side the head was trained at (the run's "
                + "augmentation size). A larger side gives a finer feature grid (e.g. 128 on a 32-px encoder: 16x16 "
                + "instead of 4x4) from features the head was not fitted on") int inputSide,
        @Doc("encoder map the head sits on: c5 (last stage) or c4 (the stage before: twice as fine a grid); must "
                + "be the stage the head was trained on (`masks train-saliency --feature-stage`)") String featureStage) {

    public SaliencyHeadConfig {
        encoder = encoder == null ? "" : encoder;
        head = head == null ? "" : head;
        InvalidConfigException.check(threshold > 0 && threshold < 1, "threshold",
                "must lie strictly between 0 and 1, got " + threshold);
        InvalidConfigException.check(minComponent >= 0 && minComponent < 1, "min_component",
                "must be in [0, 1), got " + minComponent);
        InvalidConfigException.check(batchSize >= 1, "batch_size", "must be at least 1, got " + batchSize);
        InvalidConfigException.check(inputSide >= 0, "input_side", "must be 0 (the head's) or a side in pixels, got "
                + inputSide);
        featureStage = featureStage == null || featureStage.isBlank() ? FeatureStage.C5.key() : featureStage;
        String given = featureStage;
        InvalidConfigException.check(java.util.Arrays.stream(FeatureStage.values())
                .anyMatch(s -> s.key().equals(given)), "feature_stage", "must be c5 or c4, got '" + given + "'");
    }

    /** The parsed {@link #featureStage}. */
    public FeatureStage stage() {
        return FeatureStage.parse(featureStage, "feature_stage");
    }

    public static SaliencyHeadConfig defaults() {
        return new SaliencyHeadConfig("", "", 0.5, 0.01, false, 32, 0, "c5");
    }
}
