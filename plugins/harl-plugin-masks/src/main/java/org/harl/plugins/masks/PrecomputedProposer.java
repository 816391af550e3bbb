package org.harl.plugins.masks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.harl.spi.ComponentFactory;
import org.harl.spi.ComponentKind;
import org.harl.spi.config.Doc;
import org.harl.spi.config.InvalidConfigException;
import org.harl.spi.config.Required;
import org.harl.spi.data.ImageFiles;
import org.harl.spi.data.Mask;
import org.harl.spi.data.MaskLayout;
import org.harl.spi.data.Sample;
import org.harl.spi.mask.MaskProposer;

/**
 * Reads masks from a folder in the HARL layout: the sample id as a relative path, its image extension replaced by
 * {@code .png} (what {@code harl masks generate} writes). Masks of another size are resized (nearest neighbour).
 */
public final class PrecomputedProposer implements MaskProposer {

    public record Config(@Required @Doc("mask folder (relative paths resolve against the YAML file)") String dir,
                         @Doc("threshold masks at 0.5 (false keeps grey levels as soft masks)") boolean binarize) {
        public Config {
            InvalidConfigException.check(dir != null && !dir.isBlank(), "dir", "is required (the mask folder)");
        }
    }

    private final Path dir;
    private final boolean binarize;

    public PrecomputedProposer(Path dir, boolean binarize) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("mask_proposer 'precomputed': dir " + dir + " is not a folder");
        }
        this.dir = dir;
        this.binarize = binarize;
    }

    /** Where the mask of a sample id lives under a mask folder. */
    public static Path maskPath(Path root, String id) {
        return MaskLayout.path(root, id);
    }

    @Override
    public Mask propose(Sample sample) {
        Path file = maskPath(dir, sample.id());
        Mask m;
        try {
            m = ImageFiles.readMask(file);
        } catch (IOException e) {
            // the decoder's own message may not name the file (a truncated PNG gives "Error reading PNG image data")
            String why = e.getMessage() == null ? e.toString() : e.getMessage().replace(file + ": ", "");
            throw new IllegalArgumentException("precomputed mask for sample '" + sample.id() + "': cannot read " + file
                    + ": " + why, e);
        }
        int w = sample.image().width();
        int h = sample.image().height();
        float[] out = new float[w * h];
        for (int y = 0; y < h; y++) {
            int sy = Math.min(m.height() - 1, (int) ((y + 0.5) * m.height() / h));
            for (int x = 0; x < w; x++) {
                int sx = Math.min(m.width() - 1, (int) ((x + 0.5) * m.width() / w));
                float v = m.get(sx, sy);
                out[y * w + x] = binarize ? (v >= 0.5f ? 1f : 0f) : v;
            }
        }
        return new Mask(w, h, out);
    }

    /** Registers {@code precomputed}. */
    public static final ComponentFactory<Config, MaskProposer> FACTORY = ComponentFactory.of(
            ComponentKind.MASK_PROPOSER, "precomputed",
            "masks read from a folder (sample id with .png), e.g. written by 'harl masks generate'",
            Config.class, new Config("masks", true),
            (config, context) -> new PrecomputedProposer(context.resolvePath(config.dir()), config.binarize()));
}
