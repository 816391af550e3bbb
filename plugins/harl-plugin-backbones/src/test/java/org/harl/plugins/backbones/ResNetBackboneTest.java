package org.harl.plugins.backbones;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.List;
import org.harl.spi.ComponentKind;
import org.harl.spi.backbone.Backbone;
import org.harl.spi.config.InvalidConfigException;
import org.harl.testing.AutogradChecks;
import org.junit.jupiter.api.Test;

class ResNetBackboneTest {

    private static long parameters(Backbone backbone, int side) {
        try (NDManager m = NDManager.newBaseManager()) {
            Block b = backbone.newBlock();
            b.initialize(m, DataType.FLOAT32, new Shape(1, 3, side, side));
            return b.getParameters().values().stream()
                    .filter(p -> p.requiresGradient()).mapToLong(p -> p.getArray().size()).sum();
        }
    }

    private static Shape c5Shape(Backbone backbone, int batch, int side) {
        try (NDManager m = NDManager.newBaseManager()) {
            Block b = backbone.newBlock();
            b.initialize(m, DataType.FLOAT32, new Shape(batch, 3, side, side));
            NDArray x = m.randomNormal(new Shape(batch, 3, side, side));
            return b.forward(new ParameterStore(m, false), new NDList(x), false).head().getShape();
        }
    }

    @Test
    void forwardSurvivesAGarbageCollectionBeforeBackward() {
        for (Backbone backbone : List.of(TinyResNetConfig.defaults().backbone(), ResNetBackbone.resnet50(Stem.SMALL))) {
            try (NDManager m = NDManager.newBaseManager()) {
                Block b = backbone.newBlock();
                b.initialize(m, DataType.FLOAT32, new Shape(2, 3, 8, 8));
                ParameterStore store = new ParameterStore(m, false);
                AutogradChecks.assertGradientSurvivesCollection(new Shape(2, 3, 8, 8),
                        x -> b.forward(store, new NDList(x), true).head());
            }
        }
    }

    @Test
    void resnet18SmallStemHasTheRealParameterCount() {
        assertEquals(11_168_832L, parameters(ResNetBackbone.resnet18(Stem.SMALL), 32));
    }

    @Test
    void resnet18ImagenetStemMatchesTorchvisionWithoutFc() {
        // torchvision resnet18: 11,689,512 parameters, minus fc (512*1000 + 1000)
        assertEquals(11_689_512L - 513_000L, parameters(ResNetBackbone.resnet18(Stem.IMAGENET), 64));
    }

    @Test
    void resnet50MatchesTorchvisionWithoutFc() {
        // torchvision resnet50: 25,557,032 parameters, minus fc (2048*1000 + 1000)
        assertEquals(25_557_032L - 2_049_000L, parameters(ResNetBackbone.resnet50(Stem.IMAGENET), 64));
    }

    /** Runs only the first {@link Backbone#c4Children()} children of the sequential block. */
    private static Shape c4Shape(Backbone backbone, int side) {
        try (NDManager m = NDManager.newBaseManager()) {
            ai.djl.nn.SequentialBlock b = (ai.djl.nn.SequentialBlock) backbone.newBlock();
            b.initialize(m, DataType.FLOAT32, new Shape(1, 3, side, side));
            ParameterStore store = new ParameterStore(m, false);
            NDList x = new NDList(m.randomNormal(new Shape(1, 3, side, side)));
            List<Block> children = b.getChildren().values();
            for (int i = 0; i < backbone.c4Children().getAsInt(); i++) {
                x = children.get(i).forward(store, x, false);
            }
            return x.head().getShape();
        }
    }

    @Test
    void c4IsTheStageBeforeTheLast() {
        assertEquals(new Shape(1, 32, 8, 8), c4Shape(TinyResNetConfig.defaults().backbone(), 32));
        assertEquals(new Shape(1, 256, 16, 16), c4Shape(ResNetBackbone.resnet18(Stem.SMALL), 64));
        assertEquals(new Shape(1, 1024, 4, 4), c4Shape(ResNetBackbone.resnet50(Stem.IMAGENET), 64));
        assertEquals(false, new ResNetBackbone(Stem.SMALL, List.of(8), List.of(1), false).c4Children().isPresent());
    }

    @Test
    void c5ShapesFollowTheStem() {
        Backbone small = ResNetBackbone.resnet18(Stem.SMALL);
        assertEquals(new Shape(2, 512, 4, 4), c5Shape(small, 2, 32));
        assertEquals(4, small.featureSize(32));
        assertEquals(512, small.featureChannels());
        Backbone imagenet = ResNetBackbone.resnet18(Stem.IMAGENET);
        assertEquals(new Shape(2, 512, 2, 2), c5Shape(imagenet, 2, 64));
        assertEquals(7, imagenet.featureSize(224));
        assertEquals(2, imagenet.featureSize(64));
    }

    @Test
    void tinyResNetIsSmallAndShapesAgree() {
        Backbone tiny = TinyResNetConfig.defaults().backbone();
        assertEquals(64, tiny.featureChannels());
        for (int side : new int[] {16, 20, 32}) {
            Shape s = c5Shape(tiny, 3, side);
            assertEquals(new Shape(3, 64, tiny.featureSize(side), tiny.featureSize(side)), s, "side " + side);
        }
        long n = parameters(tiny, 16);
        assertEquals(true, n > 10_000 && n < 200_000, "tiny resnet has " + n + " parameters");
    }

    @Test
    void pluginRegistersThreeBackbones() {
        var factories = new BackbonesPlugin().factories();
        assertEquals(List.of("resnet18", "resnet50", "tiny_resnet"),
                factories.stream().map(f -> f.name()).toList());
        factories.forEach(f -> assertEquals(ComponentKind.BACKBONE, f.kind()));
    }

    @Test
    void tinyConfigRejectsBadWidths() {
        var e = assertThrows(InvalidConfigException.class, () -> new TinyResNetConfig(Stem.SMALL, List.of(8, 0), 1));
        assertEquals("widths", e.key());
        assertThrows(InvalidConfigException.class, () -> new TinyResNetConfig(Stem.SMALL, List.of(8), 0));
    }
}
