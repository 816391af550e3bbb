package org.harl.plugins.deepmasks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.harl.spi.data.Mask;
import org.harl.spi.data.RgbImage;
import org.harl.spi.data.Sample;
import org.harl.spi.mask.MaskProposer;

/**
 * {@code saliency_head}: the frozen encoder's C5 map through the trained 1x1 head, upsampled bilinearly to the
 * image, sigmoid, {@code > threshold}, components under {@code min_component} of the area removed (MaskContrast's
 * post-processing). Owns and closes the encoder.
 */
public final class SaliencyHeadProposer implements MaskProposer {

    private final EncoderGrid grid;
    private final SaliencyHead head;
    private final double threshold;
    private final double minComponent;
    private final boolean soft;
    private final List<Path> headFiles;

    public SaliencyHeadProposer(EncoderGrid grid, SaliencyHead head, double threshold, double minComponent,
            boolean soft) {
        this(grid, head, threshold, minComponent, soft, List.of());
    }

    /** @param headFiles the head's params and settings files (for the mask cache key) */
    public SaliencyHeadProposer(EncoderGrid grid, SaliencyHead head, double threshold, double minComponent,
            boolean soft, List<Path> headFiles) {
        this.headFiles = List.copyOf(headFiles);
        this.grid = grid;
        this.head = head;
        this.threshold = threshold;
        this.minComponent = minComponent;
        this.soft = soft;
    }

    @Override
    public Mask propose(Sample sample) {
        return proposeAll(List.of(sample)).get(0);
    }

    /** Masks for many samples, encoded in batches. */
    public List<Mask> proposeAll(List<Sample> samples) {
        List<RgbImage> images = samples.stream().map(Sample::image).toList();
        List<EncoderGrid.Features> features = grid.features(images);
        List<Mask> out = new ArrayList<>(samples.size());
        for (int i = 0; i < samples.size(); i++) {
            EncoderGrid.Features f = features.get(i);
            RgbImage im = images.get(i);
            out.add(SaliencyHead.toMask(head.logits(f), f.width(), f.height(), im.width(), im.height(), threshold,
                    minComponent, soft));
        }
        return out;
    }

    /** The head's files and the encoder's config and checkpoint: a retrained head or encoder changes the masks. */
    @Override
    public List<Path> modelFiles() {
        List<Path> files = new ArrayList<>(headFiles);
        files.addAll(grid.encoder().files());
        return files;
    }

    @Override
    public void close() {
        grid.encoder().close();
    }
}
