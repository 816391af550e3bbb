package org.harl.cli.masks;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import org.harl.spi.data.ImageFiles;
import org.harl.spi.data.Mask;
import org.harl.spi.data.MaskLayout;
import org.harl.spi.data.RgbImage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code harl masks show}: a PNG grid of images, each with its mask overlaid (background dimmed, foreground tinted). */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Write a grid of images with mask overlays.")
public final class ShowCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--images", required = true, description = "image folder")
    Path images;

    @Option(names = "--masks", required = true, description = "mask folder (same layout, .png)")
    Path masks;

    @Option(names = "--out", required = true, description = "grid PNG to write")
    Path out;

    @Option(names = "--count", description = "images shown (default ${DEFAULT-VALUE})")
    int count = 16;

    @Option(names = "--cols", description = "columns (default ${DEFAULT-VALUE})")
    int cols = 4;

    @Option(names = "--cell", description = "cell size in pixels (default ${DEFAULT-VALUE})")
    int cell = 160;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        List<Path> files = ImageTree.images(images).stream()
                .filter(f -> Files.exists(MaskLayout.path(masks, ImageTree.id(images, f))))
                .limit(Math.max(1, count)).toList();
        if (files.isEmpty()) {
            err.println("masks show: no image under " + images + " has a mask under " + masks);
            return 1;
        }
        int c = Math.min(cols, files.size());
        int rows = (files.size() + c - 1) / c;
        BufferedImage grid = new BufferedImage(c * cell, rows * cell, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = grid.createGraphics();
        g.setColor(Color.DARK_GRAY);
        g.fillRect(0, 0, grid.getWidth(), grid.getHeight());
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        int skipped = 0;
        for (int i = 0; i < files.size(); i++) {
            Path f = files.get(i);
            try {
                RgbImage img = ImageFiles.readImage(f);
                Mask m = ImageFiles.readMask(MaskLayout.path(masks, ImageTree.id(images, f)));
                BufferedImage o = overlay(img, m);
                double s = Math.min((double) cell / o.getWidth(), (double) cell / o.getHeight());
                int w = (int) (o.getWidth() * s);
                int h = (int) (o.getHeight() * s);
                g.drawImage(o, (i % c) * cell + (cell - w) / 2, (i / c) * cell + (cell - h) / 2, w, h, null);
            } catch (Exception e) {
                err.println("skipped " + f + ": " + e.getMessage());
                skipped++;
            }
        }
        g.dispose();
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        ImageIO.write(grid, "png", out.toFile());
        spec.commandLine().getOut().printf("wrote %s (%d images%s)%n", out, files.size() - skipped,
                skipped > 0 ? ", " + skipped + " skipped" : "");
        return 0;
    }

    /** Background at 35% brightness, foreground tinted red; the mask is sampled to the image size. */
    static BufferedImage overlay(RgbImage img, Mask m) {
        int w = img.width();
        int h = img.height();
        BufferedImage b = ImageFiles.toBufferedImage(img);
        for (int y = 0; y < h; y++) {
            int my = Math.min(m.height() - 1, y * m.height() / h);
            for (int x = 0; x < w; x++) {
                float v = m.get(Math.min(m.width() - 1, x * m.width() / w), my);
                int p = b.getRGB(x, y);
                int r = (p >> 16) & 255;
                int gg = (p >> 8) & 255;
                int bb = p & 255;
                double dim = 0.35 + 0.65 * v;
                r = (int) Math.min(255, r * dim + 90 * v);
                gg = (int) (gg * dim);
                bb = (int) (bb * dim);
                b.setRGB(x, y, (r << 16) | (gg << 8) | bb);
            }
        }
        return b;
    }
}
