package org.harl.plugins.augmentations;

import java.util.List;
import java.util.SplittableRandom;
import org.harl.spi.ComponentFactory;
import org.harl.spi.ComponentKind;
import org.harl.spi.augment.Augmentation;
import org.harl.spi.augment.View;
import org.harl.spi.data.Mask;
import org.harl.spi.data.Resampler;
import org.harl.spi.data.RgbImage;

/**
 * BYOL's augmentation with a jointly transformed mask: one RandomResizedCrop + flips applied to image and mask
 * through the same resampling weights (antialiased bilinear, the mask stays soft), then image-only photometric ops
 * with per-view probabilities, then normalisation.
 */
public final class ByolAugmentation implements Augmentation {

    /** Registers {@code byol}. */
    public static final ComponentFactory<ByolAugmentationConfig, Augmentation> FACTORY = ComponentFactory.of(
            ComponentKind.AUGMENTATION, "byol",
            "BYOL crop/flip (joint with the mask) + asymmetric colour jitter, grayscale, blur, solarize",
            ByolAugmentationConfig.class, ByolAugmentationConfig.defaults(),
            (config, context) -> new ByolAugmentation(config));

    /** The view size at which {@code blur_sigma} is given (BYOL's ImageNet crops). */
    static final double REFERENCE_SIZE = 224;

    private final ByolAugmentationConfig c;
    private final double[] mean;
    private final double[] std;

    public ByolAugmentation(ByolAugmentationConfig config) {
        this.c = config;
        this.mean = config.mean().stream().mapToDouble(Double::doubleValue).toArray();
        this.std = config.std().stream().mapToDouble(Double::doubleValue).toArray();
    }

    public ByolAugmentationConfig config() {
        return c;
    }

    @Override
    public int outputSize() {
        return c.size();
    }

    @Override
    public View apply(RgbImage image, Mask mask, int viewIndex, SplittableRandom rng) {
        if (viewIndex != 0 && viewIndex != 1) {
            throw new IllegalArgumentException("view index must be 0 or 1, got " + viewIndex);
        }
        if (mask != null && (mask.width() != image.width() || mask.height() != image.height())) {
            throw new IllegalArgumentException("mask is " + mask.width() + "x" + mask.height() + " but the image is "
                    + image.width() + "x" + image.height());
        }
        CropBox box = crop(image, mask, rng);
        boolean flipX = rng.nextDouble() < p(c.hflipP(), viewIndex);
        boolean flipY = rng.nextDouble() < p(c.vflipP(), viewIndex);
        Resampler geometry = new Resampler(image.width(), image.height(), box.x(), box.y(), box.width(), box.height(),
                c.size(), c.size(), flipX, flipY);
        RgbImage out = geometry.apply(image);
        Mask outMask = mask == null ? null : geometry.apply(mask);
        photometric(out.data(), viewIndex, rng);
        ColorOps.normalise(out.data(), c.size() * c.size(), mean, std);
        return new View(out, outMask);
    }

    @Override
    public RgbImage evaluationView(RgbImage image) {
        double side = Math.min(image.width(), image.height()) * c.evalCropFraction();
        Resampler r = new Resampler(image.width(), image.height(), (image.width() - side) / 2,
                (image.height() - side) / 2, side, side, c.size(), c.size(), false, false);
        RgbImage out = r.apply(image);
        ColorOps.normalise(out.data(), c.size() * c.size(), mean, std);
        return out;
    }

    private CropBox crop(RgbImage image, Mask mask, SplittableRandom rng) {
        int tries = c.cropStyle() == CropStyle.MASK_BOXES && mask != null ? c.maskBoxesTries() : 1;
        CropBox box = null;
        for (int t = 0; t < tries; t++) {
            box = CropBox.sample(image.width(), image.height(), c.cropScale().get(0), c.cropScale().get(1),
                    c.cropRatio().get(0), c.cropRatio().get(1), rng);
            if (tries == 1 || box.foreground(mask) > c.maskBoxesMinForeground()) {
                break;
            }
        }
        return box;
    }

    /** Colour jitter (random op order), grayscale, blur, solarize: the draws happen whether or not an op fires. */
    private void photometric(float[] d, int view, SplittableRandom rng) {
        int n = c.size() * c.size();
        if (rng.nextDouble() < p(c.jitterP(), view)) {
            int[] order = {0, 1, 2, 3};
            for (int i = 3; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            double b = factor(c.brightness(), rng);
            double ct = factor(c.contrast(), rng);
            double s = factor(c.saturation(), rng);
            double h = (2 * rng.nextDouble() - 1) * c.hue();
            for (int op : order) {
                switch (op) {
                    case 0 -> ColorOps.brightness(d, b);
                    case 1 -> ColorOps.contrast(d, n, ct);
                    case 2 -> ColorOps.saturation(d, n, s);
                    default -> ColorOps.hue(d, n, h);
                }
            }
        }
        if (rng.nextDouble() < p(c.grayscaleP(), view)) {
            ColorOps.grayscale(d, n);
        }
        // BYOL's sigma range is meant for 224 px views: scale it so a small view is blurred as much, relative to
        // its size, as a 224 px one (at 32 px sigma <= 0.29 px instead of 2 px, which would erase textures)
        double sigma = (c.blurSigma().get(0) + (c.blurSigma().get(1) - c.blurSigma().get(0)) * rng.nextDouble())
                * c.size() / REFERENCE_SIZE;
        if (rng.nextDouble() < p(c.blurP(), view) && sigma > 0) {
            GaussianBlur.apply(d, c.size(), c.size(), 3, sigma);
        }
        if (rng.nextDouble() < p(c.solarizeP(), view)) {
            ColorOps.solarize(d, c.solarizeThreshold());
        }
    }

    private static double factor(double strength, SplittableRandom rng) {
        return 1 - strength + 2 * strength * rng.nextDouble();
    }

    private static double p(List<Double> perView, int view) {
        return perView.get(view);
    }
}
