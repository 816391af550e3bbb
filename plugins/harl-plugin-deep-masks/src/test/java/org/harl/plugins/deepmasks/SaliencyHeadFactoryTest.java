package org.harl.plugins.deepmasks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.harl.spi.ComponentKind;
import org.harl.spi.PluginContext;
import org.harl.spi.augment.Augmentation;
import org.harl.spi.augment.View;
import org.harl.spi.data.Mask;
import org.harl.spi.data.RgbImage;
import org.harl.spi.data.Sample;
import org.harl.spi.encoder.FeatureStage;
import org.harl.spi.encoder.FrozenEncoder;
import org.harl.spi.mask.MaskModelTrainer;
import org.harl.spi.mask.MaskProposer;
import org.harl.testing.ContractImages;
import org.harl.testing.TestPluginContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code saliency_head} built from config: the encoder comes through {@link PluginContext#openEncoder}. */
class SaliencyHeadFactoryTest {

    @Test
    void buildsTheProposerOnTheEncoderTheContextOpens(@TempDir Path dir) throws Exception {
        SaliencyHeadFiles.save(dir.resolve("run/saliency_head.params"), SaliencyHeadContractTest.HEAD, info(32));
        EncoderContext context = new EncoderContext(dir, 32);
        Sample sample = ContractImages.disc(40, 36, 3);
        try (MaskProposer viaFactory = SaliencyHeadProposer.FACTORY.create(config("run"), context);
                MaskProposer direct = new SaliencyHeadContractTest().create()) {
            assertEquals(List.of(dir.resolve("run")), context.opened);
            // identity normalisation and the same pooling encoder: the masks of the directly built proposer
            assertArrayEquals(direct.propose(sample).data(), viaFactory.propose(sample).data());
        }
        assertTrue(context.encoders.get(0).closed, "closing the proposer closes the encoder");
    }

    @Test
    void anEncoderOfAnotherInputSideIsClosedAndNamed(@TempDir Path dir) throws Exception {
        SaliencyHeadFiles.save(dir.resolve("run/saliency_head.params"), SaliencyHeadContractTest.HEAD, info(32));
        EncoderContext context = new EncoderContext(dir, 64);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SaliencyHeadProposer.FACTORY.create(config("run"), context));
        assertTrue(e.getMessage().contains("trained at input side 32") && e.getMessage().contains("takes 64"),
                e.getMessage());
        assertTrue(context.encoders.get(0).closed);
    }

    @Test
    void aContextThatCannotOpenEncodersSaysSo(@TempDir Path dir) throws Exception {
        SaliencyHeadFiles.save(dir.resolve("run/saliency_head.params"), SaliencyHeadContractTest.HEAD, info(32));
        var e = assertThrows(UnsupportedOperationException.class, () -> SaliencyHeadProposer.FACTORY.create(
                config("run"), new TestPluginContext(1, dir, null, null)));
        assertTrue(e.getMessage().contains("cannot open trained encoders"), e.getMessage());
    }

    /** The stand-in's C4 pools by 2 where its C5 pools by 4: a head trained on C4 sits on the 16x16 grid. */
    @Test
    void aC4HeadTrainsOnTheFinerMapAndOnlyLoadsAsC4(@TempDir Path dir) throws Exception {
        EncoderContext context = new EncoderContext(dir, 32);
        Path params = dir.resolve("run/saliency_head.params");
        MaskModelTrainer.Trained trained = new SaliencyHeadModelTrainer().train(new MaskModelTrainer.Request(context,
                dir.resolve("run"), SaliencyHeadTrainingTest.discs(16, 1), SaliencyHeadTrainingTest.GROUND_TRUTH,
                "{type=ground_truth}", 120, 0.1f, 0, params, FeatureStage.C4), null);
        assertTrue(trained.description().startsWith("c4, C=3, grid 16x16"), trained.description());
        SaliencyHeadInfo info = SaliencyHeadFiles.load(params).info();
        assertEquals("c4", info.featureStage());
        assertEquals(16, info.gridWidth());
        assertTrue(context.encoders.get(0).closed);

        try (SaliencyHeadProposer p = (SaliencyHeadProposer) SaliencyHeadProposer.FACTORY.create(
                config("run", "c4"), context)) {
            assertEquals(2, context.encoders.size());
            List<Sample> test = SaliencyHeadTrainingTest.discs(8, 99);
            double mean = 0;
            List<Mask> masks = p.proposeAll(test);
            for (int i = 0; i < test.size(); i++) {
                mean += SaliencyHeadTrainingTest.iou(masks.get(i), test.get(i).groundTruth().orElseThrow())
                        / test.size();
            }
            assertTrue(mean > 0.75, "held-out IoU " + mean);
            assertTrue(p.modelProvenance().orElseThrow().contains("feature_stage: c4\n"));
        }

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SaliencyHeadProposer.FACTORY.create(config("run"), context));
        assertTrue(e.getMessage().contains(SaliencyHeadFiles.infoFile(params).toString())
                && e.getMessage().contains("trained on the encoder's c4 map but feature_stage is c5"), e.getMessage());
        assertEquals(2, context.encoders.size(), "the mismatch is found before an encoder is opened");
    }

    @Test
    void aHeadFileWithoutTheKeyIsAC5Head(@TempDir Path dir) throws Exception {
        Path params = dir.resolve("run/saliency_head.params");
        SaliencyHeadFiles.save(params, SaliencyHeadContractTest.HEAD, info(32));
        Path json = SaliencyHeadFiles.infoFile(params);
        String text = java.nio.file.Files.readString(json);
        assertTrue(text.contains("\"feature_stage\" : \"c5\""), text);
        java.nio.file.Files.writeString(json, text.replaceAll(",\\s*\"feature_stage\" : \"c5\"", ""));
        assertEquals("c5", SaliencyHeadFiles.load(params).info().featureStage());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SaliencyHeadProposer.FACTORY.create(config("run", "c4"), new EncoderContext(dir, 32)));
        assertTrue(e.getMessage().contains("c5 map but feature_stage is c4"), e.getMessage());
    }

    @Test
    void anUnknownFeatureStageNamesTheKey() {
        var e = assertThrows(org.harl.spi.config.InvalidConfigException.class, () -> config("run", "c3"));
        assertTrue(e.getMessage().contains("feature_stage"), e.getMessage());
    }

    private static SaliencyHeadConfig config(String encoder) {
        return config(encoder, "c5");
    }

    private static SaliencyHeadConfig config(String encoder, String stage) {
        SaliencyHeadConfig d = SaliencyHeadConfig.defaults();
        return new SaliencyHeadConfig(encoder, d.head(), d.threshold(), d.minComponent(), d.soft(), 8, 0, stage);
    }

    private static SaliencyHeadInfo info(int inputSide) {
        return new SaliencyHeadInfo(3, inputSide, 8, 8, "{type=ground_truth}", 16, 300, 0.05f, 0, 0.5, 0.01, 0.2, 0.1);
    }

    /** Paths relative to {@code base}; opens pooling encoders behind an augmentation that does not normalise. */
    private static final class EncoderContext implements PluginContext {
        final TestPluginContext base;
        final int side;
        final List<Path> opened = new ArrayList<>();
        final List<PoolingEncoder> encoders = new ArrayList<>();

        EncoderContext(Path base, int side) {
            this.base = new TestPluginContext(1, base, null, null);
            this.side = side;
        }

        @Override
        public long seed() {
            return base.seed();
        }

        @Override
        public Optional<Path> runDirectory() {
            return base.runDirectory();
        }

        @Override
        public Path resolvePath(String path) {
            return base.resolvePath(path);
        }

        @Override
        public Object createComponent(ComponentKind kind, Map<String, Object> spec) {
            return base.createComponent(kind, spec);
        }

        @Override
        public FrozenEncoder openEncoder(Path runDirectory) {
            opened.add(runDirectory);
            PoolingEncoder pooling = new PoolingEncoder(side, 4);
            encoders.add(pooling);
            return new FrozenEncoder() {
                @Override
                public Augmentation augmentation() {
                    return new Unnormalised(side);
                }

                @Override
                public NDArray c5(NDManager manager, float[] images, int n, int s) {
                    return pooling.map(manager, images, n, s);
                }

                @Override
                public NDArray features(NDManager manager, float[] images, int n, int s, FeatureStage stage) {
                    return stage == FeatureStage.C5 ? c5(manager, images, n, s)
                            : new PoolingEncoder(side, 2).map(manager, images, n, s);
                }

                @Override
                public void close() {
                    pooling.close();
                }
            };
        }
    }

    private record Unnormalised(int outputSize) implements Augmentation {
        @Override
        public View apply(RgbImage image, Mask mask, int viewIndex, SplittableRandom rng) {
            throw new UnsupportedOperationException("training views are not used here");
        }

        @Override
        public RgbImage evaluationView(RgbImage image) {
            return image;
        }
    }
}
