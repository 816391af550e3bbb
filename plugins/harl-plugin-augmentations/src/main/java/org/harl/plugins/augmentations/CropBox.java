package org.harl.plugins.augmentations;

import java.util.SplittableRandom;

/**
 * A crop rectangle in source pixels, drawn like torchvision's RandomResizedCrop: up to 10 tries of an area
 * fraction in {@code scale} and a log-uniform aspect ratio in {@code ratio} that fit the image, else the largest
 * centred crop with a ratio in range.
 */
record CropBox(int x, int y, int width, int height) {

    static CropBox sample(int imgW, int imgH, double scaleMin, double scaleMax, double ratioMin, double ratioMax,
                          SplittableRandom rng) {
        double area = (double) imgW * imgH;
        double logMin = Math.log(ratioMin);
        double logMax = Math.log(ratioMax);
        for (int attempt = 0; attempt < 10; attempt++) {
            double target = area * (scaleMin + (scaleMax - scaleMin) * rng.nextDouble());
            double ratio = Math.exp(logMin + (logMax - logMin) * rng.nextDouble());
            int w = (int) Math.round(Math.sqrt(target * ratio));
            int h = (int) Math.round(Math.sqrt(target / ratio));
            if (w > 0 && h > 0 && w <= imgW && h <= imgH) {
                int x = rng.nextInt(imgW - w + 1);
                int y = rng.nextInt(imgH - h + 1);
                return new CropBox(x, y, w, h);
            }
        }
        double inRatio = (double) imgW / imgH;
        int w;
        int h;
        if (inRatio < ratioMin) {
            w = imgW;
            h = Math.max(1, (int) Math.round(w / ratioMin));
        } else if (inRatio > ratioMax) {
            h = imgH;
            w = Math.max(1, (int) Math.round(h * ratioMax));
        } else {
            w = imgW;
            h = imgH;
        }
        return new CropBox((imgW - w) / 2, (imgH - h) / 2, w, h);
    }

    /** Mean mask value inside the box. */
    double foreground(org.harl.spi.data.Mask mask) {
        double s = 0;
        for (int yy = y; yy < y + height; yy++) {
            for (int xx = x; xx < x + width; xx++) {
                s += mask.get(xx, yy);
            }
        }
        return s / ((double) width * height);
    }
}
