package org.harl.plugins.deepmasks;

/** How RGB values in [0, 1] are normalised before they enter a model. */
public enum NormalizationPreset {
    /** Values passed as they are, in [0, 1]. */
    NONE(new float[] {0f, 0f, 0f}, new float[] {1f, 1f, 1f}),
    /** Per channel (x − mean) / std with the ImageNet statistics torchvision models are trained with. */
    IMAGENET(new float[] {0.485f, 0.456f, 0.406f}, new float[] {0.229f, 0.224f, 0.225f});

    private final float[] mean;
    private final float[] std;

    NormalizationPreset(float[] mean, float[] std) {
        this.mean = mean;
        this.std = std;
    }

    /**
     * Normalises planar RGB data (channel-major, {@code pixels} values per channel, any number of images in a row)
     * into {@code out} at {@code offset}.
     */
    public void apply(float[] planar, int pixels, float[] out, int offset) {
        for (int c = 0; c < 3; c++) {
            float m = mean[c];
            float inv = 1f / std[c];
            int base = c * pixels;
            for (int i = 0; i < pixels; i++) {
                out[offset + base + i] = (planar[base + i] - m) * inv;
            }
        }
    }
}
