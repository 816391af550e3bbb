package org.harl.plugins.masks;

import org.harl.spi.data.Mask;
import org.harl.spi.data.MaskCleanup;

/**
 * Saliency map to binary mask: adaptive threshold T = min(2·mean(S), clip) (Achanta et al. 2009), then removal of
 * 8-connected foreground components smaller than a fraction of the image (MaskContrast's post-processing).
 */
final class Binarization {

    private Binarization() {
    }

    static Mask binarize(float[] saliency, int w, int h, double clip, double minComponentFraction) {
        double mean = 0;
        for (float s : saliency) {
            mean += s;
        }
        mean /= saliency.length;
        return binarizeAt(saliency, w, h, Math.min(2 * mean, clip), minComponentFraction);
    }

    /** Foreground where S ≥ t (and S > 0), then small components removed. */
    static Mask binarizeAt(float[] saliency, int w, int h, double t, double minComponentFraction) {
        float[] m = new float[saliency.length];
        for (int i = 0; i < m.length; i++) {
            m[i] = saliency[i] > 0 && saliency[i] >= t ? 1f : 0f;
        }
        MaskCleanup.removeSmallComponents(m, w, h, (int) Math.ceil(minComponentFraction * w * h));
        return new Mask(w, h, m);
    }
}
