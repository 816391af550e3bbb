package org.harl.plugins.augmentations;

import java.util.List;
import org.harl.spi.config.Doc;
import org.harl.spi.config.InvalidConfigException;

/**
 * Config of the {@code byol} augmentation. Probabilities are lists of two values, one per view (BYOL's two
 * pipelines are asymmetric).
 */
public record ByolAugmentationConfig(
        @Doc("side of the square output views in pixels") int size,
        @Doc("RandomResizedCrop area fraction range [min, max]") List<Double> cropScale,
        @Doc("RandomResizedCrop aspect ratio range [min, max]") List<Double> cropRatio,
        @Doc("random: crop ignores the mask; mask_boxes: resample until the foreground fraction is large enough")
        CropStyle cropStyle,
        @Doc("mask_boxes: crops tried before keeping the last one") int maskBoxesTries,
        @Doc("mask_boxes: foreground fraction a crop must exceed") double maskBoxesMinForeground,
        @Doc("horizontal flip probability per view") List<Double> hflipP,
        @Doc("vertical flip probability per view (the HARL reference used 0.5; BYOL none)") List<Double> vflipP,
        @Doc("colour jitter probability per view") List<Double> jitterP,
        @Doc("brightness jitter strength: factor in [1-b, 1+b]") double brightness,
        @Doc("contrast jitter strength: factor in [1-c, 1+c]") double contrast,
        @Doc("saturation jitter strength: factor in [1-s, 1+s]") double saturation,
        @Doc("hue jitter strength: shift in [-h, h] turns, h <= 0.5") double hue,
        @Doc("grayscale probability per view") List<Double> grayscaleP,
        @Doc("Gaussian blur probability per view") List<Double> blurP,
        @Doc("Gaussian blur sigma range [min, max] in pixels of a 224 px view; scaled by size / 224")
        List<Double> blurSigma,
        @Doc("solarize probability per view") List<Double> solarizeP,
        @Doc("solarize threshold: values >= it are inverted") double solarizeThreshold,
        @Doc("per-channel normalisation mean (R, G, B)") List<Double> mean,
        @Doc("per-channel normalisation std (R, G, B)") List<Double> std,
        @Doc("evaluation view: centre crop side / shorter image side (0.875 = resize 256, crop 224)")
        double evalCropFraction) {

    public ByolAugmentationConfig {
        cropScale = doubles(cropScale, "crop_scale");
        cropRatio = doubles(cropRatio, "crop_ratio");
        hflipP = doubles(hflipP, "hflip_p");
        vflipP = doubles(vflipP, "vflip_p");
        jitterP = doubles(jitterP, "jitter_p");
        grayscaleP = doubles(grayscaleP, "grayscale_p");
        blurP = doubles(blurP, "blur_p");
        blurSigma = doubles(blurSigma, "blur_sigma");
        solarizeP = doubles(solarizeP, "solarize_p");
        mean = doubles(mean, "mean");
        std = doubles(std, "std");
        InvalidConfigException.check(size >= 8 && size <= 1024, "size", "must be in [8, 1024], got " + size);
        range(cropScale, "crop_scale", 0, 1);
        InvalidConfigException.check(cropScale.get(0) > 0, "crop_scale", "minimum must be > 0");
        range(cropRatio, "crop_ratio", 0, 100);
        InvalidConfigException.check(cropRatio.get(0) > 0, "crop_ratio", "minimum must be > 0");
        InvalidConfigException.check(cropStyle != null, "crop_style", "must be random or mask_boxes");
        InvalidConfigException.check(maskBoxesTries >= 1, "mask_boxes_tries", "must be >= 1, got " + maskBoxesTries);
        InvalidConfigException.check(maskBoxesMinForeground >= 0 && maskBoxesMinForeground < 1,
                "mask_boxes_min_foreground", "must be in [0, 1), got " + maskBoxesMinForeground);
        perView(hflipP, "hflip_p");
        perView(vflipP, "vflip_p");
        perView(jitterP, "jitter_p");
        perView(grayscaleP, "grayscale_p");
        perView(blurP, "blur_p");
        perView(solarizeP, "solarize_p");
        InvalidConfigException.check(brightness >= 0 && brightness < 1, "brightness", "must be in [0, 1)");
        InvalidConfigException.check(contrast >= 0 && contrast < 1, "contrast", "must be in [0, 1)");
        InvalidConfigException.check(saturation >= 0 && saturation < 1, "saturation", "must be in [0, 1)");
        InvalidConfigException.check(hue >= 0 && hue <= 0.5, "hue", "must be in [0, 0.5]");
        range(blurSigma, "blur_sigma", 0, 100);
        InvalidConfigException.check(solarizeThreshold >= 0 && solarizeThreshold <= 1, "solarize_threshold",
                "must be in [0, 1]");
        InvalidConfigException.check(mean.size() == 3, "mean", "must list 3 values");
        InvalidConfigException.check(std.size() == 3 && std.stream().allMatch(s -> s > 0), "std",
                "must list 3 positive values");
        InvalidConfigException.check(evalCropFraction > 0 && evalCropFraction <= 1, "eval_crop_fraction",
                "must be in (0, 1], got " + evalCropFraction);
    }

    /** BYOL / HARL defaults at 224 px (HARL.md, "Defaults this project adopts"). */
    public static ByolAugmentationConfig defaults() {
        return new ByolAugmentationConfig(224, List.of(0.08, 1.0), List.of(3.0 / 4, 4.0 / 3), CropStyle.RANDOM, 5, 0.2,
                List.of(0.5, 0.5), List.of(0.0, 0.0), List.of(0.8, 0.8), 0.4, 0.4, 0.2, 0.1, List.of(0.2, 0.2),
                List.of(1.0, 0.1), List.of(0.1, 2.0), List.of(0.0, 0.2), 0.5, List.of(0.485, 0.456, 0.406),
                List.of(0.229, 0.224, 0.225), 0.875);
    }

    private static void perView(List<Double> p, String key) {
        InvalidConfigException.check(p.size() == 2, key, "must list two probabilities (view 1, view 2)");
        for (double v : p) {
            InvalidConfigException.check(v >= 0 && v <= 1, key, "probabilities must be in [0, 1], got " + v);
        }
    }

    private static void range(List<Double> r, String key, double lo, double hi) {
        InvalidConfigException.check(r.size() == 2, key, "must list two values [min, max]");
        InvalidConfigException.check(r.get(0) >= lo && r.get(1) <= hi, key,
                "values must be in [" + lo + ", " + hi + "], got " + r);
        InvalidConfigException.check(r.get(0) <= r.get(1), key, "min must be <= max, got " + r);
    }

    /** An immutable list of doubles from YAML numbers (integers included). */
    private static List<Double> doubles(List<?> values, String key) {
        InvalidConfigException.check(values != null, key, "missing");
        return values.stream().map(v -> {
            InvalidConfigException.check(v instanceof Number, key, "expected numbers, got " + v);
            return ((Number) v).doubleValue();
        }).toList();
    }
}
