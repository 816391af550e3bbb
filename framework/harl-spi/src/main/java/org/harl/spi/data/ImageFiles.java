package org.harl.spi.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Reading and writing images and masks (PNG, JPEG) as {@link RgbImage} and {@link Mask}. */
public final class ImageFiles {

    private ImageFiles() {
    }

    /** Decodes a PNG or JPEG (any colour model; alpha dropped, grey expanded to RGB). */
    public static RgbImage readImage(Path file) throws IOException {
        return fromBufferedImage(decode(file));
    }

    /** Reads a mask PNG: grey level / 255 (any colour image uses its luminance). */
    public static Mask readMask(Path file) throws IOException {
        BufferedImage b = decode(file);
        int w = b.getWidth();
        int h = b.getHeight();
        float[] d = new float[w * h];
        if (b.getType() == BufferedImage.TYPE_BYTE_GRAY || b.getType() == BufferedImage.TYPE_USHORT_GRAY) {
            var raster = b.getRaster();
            float max = b.getType() == BufferedImage.TYPE_BYTE_GRAY ? 255f : 65535f;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    d[y * w + x] = raster.getSample(x, y, 0) / max;
                }
            }
        } else {
            int[] rgb = b.getRGB(0, 0, w, h, null, 0, w);
            for (int i = 0; i < rgb.length; i++) {
                int p = rgb[i];
                d[i] = (0.299f * ((p >> 16) & 255) + 0.587f * ((p >> 8) & 255) + 0.114f * (p & 255)) / 255f;
            }
        }
        return new Mask(w, h, d);
    }

    /** Writes an RGB image (values clamped to [0, 1]) as PNG or JPEG, chosen by the file extension. */
    public static void writeImage(RgbImage image, Path file) throws IOException {
        write(toBufferedImage(image), file);
    }

    /** Writes a mask as an 8-bit grey PNG (value * 255). */
    public static void writeMask(Mask mask, Path file) throws IOException {
        BufferedImage b = new BufferedImage(mask.width(), mask.height(), BufferedImage.TYPE_BYTE_GRAY);
        var raster = b.getRaster();
        for (int y = 0; y < mask.height(); y++) {
            for (int x = 0; x < mask.width(); x++) {
                raster.setSample(x, y, 0, Math.round(Math.max(0f, Math.min(1f, mask.get(x, y))) * 255f));
            }
        }
        write(b, file);
    }

    public static RgbImage fromBufferedImage(BufferedImage b) {
        int w = b.getWidth();
        int h = b.getHeight();
        int n = w * h;
        int[] rgb = b.getRGB(0, 0, w, h, null, 0, w);
        float[] d = new float[3 * n];
        for (int i = 0; i < n; i++) {
            int p = rgb[i];
            d[i] = ((p >> 16) & 255) / 255f;
            d[n + i] = ((p >> 8) & 255) / 255f;
            d[2 * n + i] = (p & 255) / 255f;
        }
        return new RgbImage(w, h, d);
    }

    public static BufferedImage toBufferedImage(RgbImage image) {
        int w = image.width();
        int h = image.height();
        int n = w * h;
        float[] d = image.data();
        int[] rgb = new int[n];
        for (int i = 0; i < n; i++) {
            rgb[i] = (to8(d[i]) << 16) | (to8(d[n + i]) << 8) | to8(d[2 * n + i]);
        }
        BufferedImage b = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        b.setRGB(0, 0, w, h, rgb, 0, w);
        return b;
    }

    private static int to8(float v) {
        return Math.round(Math.max(0f, Math.min(1f, v)) * 255f);
    }

    private static BufferedImage decode(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": no such file");
        }
        BufferedImage b;
        try {
            b = ImageIO.read(file.toFile());
        } catch (RuntimeException e) { // ImageIO throws unchecked exceptions on some corrupt streams
            throw new IOException(file + ": cannot decode image: " + e.getMessage(), e);
        }
        if (b == null) {
            throw new IOException(file + ": not a readable PNG or JPEG image");
        }
        return b;
    }

    private static void write(BufferedImage b, Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        String format = name.endsWith(".jpg") || name.endsWith(".jpeg") ? "jpg" : "png";
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        // a name of its own: writers of the same file (a retried task, a second worker) never share a temporary
        Path tmp = file.resolveSibling(file.getFileName() + "."
                + Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong()) + ".tmp");
        if (!ImageIO.write(b, format, tmp.toFile())) {
            throw new IOException("no ImageIO writer for " + format);
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
