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
import org.harl.spi.encoder.FrozenEncoder;
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

    private static SaliencyHeadConfig config(String encoder) {
        SaliencyHeadConfig d = SaliencyHeadConfig.defaults();
        return new SaliencyHeadConfig(encoder, d.head(), d.threshold(), d.minComponent(), d.soft(), 8, 0);
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
                    return pooling.c5(manager, images, n, s);
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
