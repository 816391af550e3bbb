package org.harl.plugins.deepmasks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.harl.spi.ComponentFactory;
import org.harl.spi.ComponentKind;
import org.harl.spi.PluginContext;
import org.harl.spi.config.InvalidConfigException;
import org.harl.spi.data.Mask;
import org.harl.spi.data.RgbImage;
import org.harl.spi.data.Sample;
import org.harl.spi.mask.MaskProposer;

/**
 * {@code saliency_head}: the frozen encoder's C5 (or C4, {@code feature_stage}) map through the trained 1x1 head, upsampled bilinearly to the
 * image, sigmoid, {@code > threshold}, components under {@code min_component} of the area removed (MaskContrast's
 * post-processing). Owns and closes the encoder.
 */
public final class SaliencyHeadProposer implements MaskProposer {

    /** Registers {@code saliency_head}: a 1x1 head on a run's frozen encoder (MaskContrast's "deep mask"). */
    public static final ComponentFactory<SaliencyHeadConfig, MaskProposer> FACTORY = ComponentFactory.of(
            ComponentKind.MASK_PROPOSER, "saliency_head",
            "deep masks: 1x1 saliency head on a trained run's frozen encoder (train it with masks train-saliency)",
            SaliencyHeadConfig.class, SaliencyHeadConfig.defaults(), SaliencyHeadProposer::create);

    private final EncoderGrid grid;
    private final SaliencyHead head;
    private final double threshold;
    private final double minComponent;
    private final boolean soft;
    private final List<Path> headFiles;
    private String provenance;

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

    /** Where the head came from: {@link #describe}, when the proposer was made from files. */
    @Override
    public java.util.Optional<String> modelProvenance() {
        return java.util.Optional.ofNullable(provenance);
    }

    /**
     * The head's provenance lines: encoder run, training images, targets and the kind of supervision they carry
     * ({@code exact_masks} when the targets are the dataset's own masks, else {@code pseudo_labels}).
     */
    static String describe(Path params, Path runDir, SaliencyHeadInfo info, int usedSide) {
        boolean exact = info.targets().startsWith("{type=ground_truth") || info.targets().equals("ground_truth");
        return "head: " + params + "\n"
                + "encoder: " + runDir + " (frozen online encoder)\n"
                + "data: the first " + info.images() + " images of the encoder run's dataset (its config.yaml)\n"
                + "split: train\n"
                + "targets: " + info.targets() + "\n"
                + "supervision: " + (exact ? "exact_masks" : "pseudo_labels") + "\n"
                + "training: " + info.steps() + " Adam steps, lr " + info.learningRate() + ", " + info.rounds()
                + " self-training rounds, grid " + info.gridWidth() + "x" + info.gridHeight() + " at input side "
                + info.inputSide() + "\n"
                + "feature_stage: " + info.featureStage() + "\n"
                + "input_side: " + usedSide + "\n";
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

    private static MaskProposer create(SaliencyHeadConfig config, PluginContext context) {
        InvalidConfigException.check(!config.encoder().isBlank(), "encoder",
                "required: the run directory of a trained encoder (e.g. runs/quickstart)");
        Path runDir = context.resolvePath(config.encoder());
        Path params = config.head().isBlank() ? runDir.resolve(SaliencyHeadFiles.DEFAULT_NAME + ".params")
                : context.resolvePath(config.head());
        SaliencyHeadFiles.Saved saved = SaliencyHeadFiles.load(params); // fails fast, before the encoder loads
        if (!saved.info().featureStage().equals(config.featureStage())) {
            throw new IllegalArgumentException(SaliencyHeadFiles.infoFile(params) + ": the head was trained on the "
                    + "encoder's " + saved.info().featureStage() + " map but feature_stage is "
                    + config.featureStage() + "; set feature_stage: " + saved.info().featureStage()
                    + " or train a head with --feature-stage " + config.featureStage());
        }
        FeatureEncoder encoder = RunEncoders.open(context, runDir, config.stage());
        if (encoder.inputSide() != saved.info().inputSide()) {
            encoder.close();
            throw new IllegalArgumentException(params + " was trained at input side " + saved.info().inputSide()
                    + " but the encoder of " + runDir + " takes " + encoder.inputSide());
        }
        int side = config.inputSide() > 0 ? config.inputSide() : saved.info().inputSide();
        SaliencyHeadProposer p = new SaliencyHeadProposer(new EncoderGrid(encoder, config.batchSize(), side),
                saved.head(), config.threshold(), config.minComponent(), config.soft(),
                List.of(params, SaliencyHeadFiles.infoFile(params)));
        p.provenance = describe(params, runDir, saved.info(), side);
        return p;
    }
}
