package org.harl.plugins.deepmasks;

import org.harl.spi.config.Doc;
import org.harl.spi.config.InvalidConfigException;
import org.harl.spi.config.Required;

/**
 * Settings of the {@code torchscript} mask proposer.
 *
 * @param model         the TorchScript file
 * @param normalization input normalisation
 * @param output        probabilities or logits
 * @param threshold     probability threshold for binary masks
 * @param soft          return probabilities instead of a binary mask
 * @param batchSize     images per forward pass when proposing for many samples at once
 */
public record TorchScriptConfig(
        @Required @Doc("TorchScript saliency model (.pt): float input (N,3,H,W), output (N,1,H,W); "
                + "a relative path resolves against the YAML file's folder") String model,
        @Doc("input normalisation of RGB values in [0,1]: none, or imagenet (mean 0.485/0.456/0.406, "
                + "std 0.229/0.224/0.225)") NormalizationPreset normalization,
        @Doc("what the model outputs: probabilities (already in [0,1]) or logits (sigmoid applied here)")
        ModelOutput output,
        @Doc("a pixel is foreground when its probability is above this (0.5 = logit above 0)") double threshold,
        @Doc("return the probability map itself instead of a binary mask") boolean soft,
        @Doc("images per forward pass when many samples are proposed at once (same-size images are stacked)")
        int batchSize) {

    public TorchScriptConfig {
        model = model == null ? "" : model;
        InvalidConfigException.check(normalization != null, "normalization", "must be none or imagenet");
        InvalidConfigException.check(output != null, "output", "must be probabilities or logits");
        InvalidConfigException.check(threshold > 0 && threshold < 1, "threshold",
                "must lie strictly between 0 and 1, got " + threshold);
        InvalidConfigException.check(batchSize >= 1, "batch_size", "must be at least 1, got " + batchSize);
    }

    /** Every default; {@code model} is empty and must be set. */
    public static TorchScriptConfig defaults() {
        return new TorchScriptConfig("", NormalizationPreset.NONE, ModelOutput.PROBABILITIES, 0.5, false, 16);
    }
}
